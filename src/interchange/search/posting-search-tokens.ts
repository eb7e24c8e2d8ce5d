import { searchTokens } from './search-tokens.js';

/** The stored search tokens of a posting (`postings.search_tokens`): its title, enterprise and body, space-joined. */
export function postingSearchTokens(posting: { title: string; enterprise: string; body: string }): string {
  return searchTokens(`${posting.title}\n${posting.enterprise}\n${posting.body}`, 'document').join(' ');
}
