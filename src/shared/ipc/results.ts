import { z } from 'zod'
import { localizedTextSchema } from '../post'

/** The failure every result union of the contract shares: a message for the writer. */
export const errorResult = z.object({ kind: z.literal('error'), message: localizedTextSchema })
