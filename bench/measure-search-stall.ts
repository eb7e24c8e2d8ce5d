import { measureThroughput, type ThroughputFigure } from './measure-throughput.js';

/** Postings searches in Chinese and English, some paged, as the demand page sends them. */
export const POSTING_SEARCH_PATHS: readonly string[] = [
  '/api/demand/postings?q=%E6%B5%8B%E8%AF%95&limit=20',
  '/api/demand/postings?q=software%20testing&limit=20',
  '/api/demand/postings?q=%E6%95%B0%E6%8D%AE&limit=20&offset=20',
  '/api/demand/postings?q=%E7%89%A9%E6%B5%81&limit=20',
  '/api/demand/postings?q=quality&limit=20',
  '/api/demand/postings?q=%E4%BE%9B%E5%BA%94%E9%93%BE%E7%AE%A1%E7%90%86&limit=20',
  '/api/demand/postings?q=%E8%BF%90%E7%BB%B4%E5%B7%A5%E7%A8%8B%E5%B8%88&limit=20&offset=40',
  '/api/demand/postings?q=data&limit=20',
];

/** A cheap authenticated route that still reads the database (organisations page). */
export const CHEAP_PATH = '/api/organisations?limit=20';

export interface SearchStallFigures {
  readonly seconds: number;
  readonly searchConnections: number;
  readonly cheapConnections: number;
  /** The cheap route with nothing else running. */
  readonly cheapAlone: ThroughputFigure;
  /** The cheap route while `searchConnections` connections search postings. */
  readonly cheapUnderSearch: ThroughputFigure;
  readonly search: ThroughputFigure;
}

/**
 * Does one slow query stall everybody? The p99 of a cheap authenticated route alone, then again while 50
 * connections run postings text searches (autocannon, each in its own worker thread).
 */
export async function measureSearchStall(
  baseUrl: string,
  cookie: string,
  settings: { seconds: number; searchConnections?: number; cheapConnections?: number },
): Promise<SearchStallFigures> {
  const searchConnections = settings.searchConnections ?? 50;
  const cheapConnections = settings.cheapConnections ?? 2;
  const headers = { cookie };
  const cheap = { name: `GET ${CHEAP_PATH}`, url: `${baseUrl}${CHEAP_PATH}`, headers };
  const cheapAlone = await measureThroughput(cheap, {
    seconds: Math.min(settings.seconds, 5),
    warmupSeconds: 1,
    connections: cheapConnections,
    pipelining: 1,
  });
  const [search, cheapUnderSearch] = await Promise.all([
    measureThroughput(
      {
        name: 'GET /api/demand/postings?q=…',
        url: `${baseUrl}/api/demand/postings`,
        headers,
        paths: POSTING_SEARCH_PATHS,
      },
      { seconds: settings.seconds, warmupSeconds: 1, connections: searchConnections, pipelining: 1 },
    ),
    measureThroughput(cheap, {
      seconds: settings.seconds,
      warmupSeconds: 1,
      connections: cheapConnections,
      pipelining: 1,
    }),
  ]);
  return { seconds: settings.seconds, searchConnections, cheapConnections, cheapAlone, cheapUnderSearch, search };
}
