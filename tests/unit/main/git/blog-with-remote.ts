/** A per-test blog repository with a bare remote, for describe blocks of the publishing tests. */
import { afterEach, beforeEach } from 'vitest'
import { cleanup, makeBareRemote, makeBlogRepo } from './fixtures'

/**
 * For the tests of a describe block: a blog repository (see {@link makeBlogRepo}) pushed to a
 * fresh bare remote before each test, both removed after it. Read `root` and `bare` inside tests.
 */
export function blogWithRemote(): { readonly root: string; readonly bare: string } {
  const place = { root: '', bare: '' }
  beforeEach(async () => {
    place.bare = await makeBareRemote()
    place.root = await makeBlogRepo(place.bare)
  })
  afterEach(() => cleanup(place.bare, place.root))
  return place
}
