/**
 * Child process for fault tests: `tsx atomic-write-child.ts <path> <bytes>` writes `<bytes>` bytes
 * of `x` to `<path>` with writeFileAtomic and prints the result as JSON. Run it under a real limit
 * (e.g. `ulimit -f`) to make the write fail the way a full disk does.
 */
import { writeFileAtomic } from '../../src/main/services/fs/atomic-file'

const [path, size] = process.argv.slice(2)
const result = await writeFileAtomic(path!, Buffer.alloc(Number(size), 0x78))
process.stdout.write(JSON.stringify(result))
