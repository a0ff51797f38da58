/**
 * The process-wide search engine: Meilisearch when MEILI_HOST is set (with MEILI_MASTER_KEY), otherwise the
 * embedded SQLite engine on SEARCH_DB_FILE (default data/search.db).
 */
import type { SearchEngine } from './engine'

import { EmbeddedSearchEngine } from './engines/embedded'
import { MeilisearchEngine } from './engines/meilisearch'

export type { SearchEngine, SearchQuery, SearchResult, SearchHit, SearchFilters, FacetName, IndexedEntry } from './engine'

let engine: null | Promise<SearchEngine> = null

export const createSearchEngine = (env: NodeJS.ProcessEnv = process.env): SearchEngine =>
  env.MEILI_HOST
    ? new MeilisearchEngine({ apiKey: env.MEILI_MASTER_KEY, host: env.MEILI_HOST, indexUid: env.MEILI_INDEX })
    : new EmbeddedSearchEngine({ file: env.SEARCH_DB_FILE })

/** one engine per process, initialised once */
export const getSearchEngine = (): Promise<SearchEngine> => {
  engine ??= (async () => {
    const created = createSearchEngine()
    await created.init()
    return created
  })().catch((error: unknown) => {
    engine = null
    throw error
  })
  return engine
}

/** for tests and scripts that must release the file or connection */
export const closeSearchEngine = async (): Promise<void> => {
  const current = engine
  engine = null
  if (current) await (await current).close()
}
