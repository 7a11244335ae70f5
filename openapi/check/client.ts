// What an integrator writes against the generated types: if the document's shapes break, this
// stops type-checking.
import type { components, paths } from './generated/portal';

type FeedPage = components['schemas']['FeedPage'];
type Token = components['schemas']['TokenResponse'];
type FeedAnswer =
  paths['/api/v1/integrations/submissions']['get']['responses'][200]['content']['application/json'];

export async function token(base: string, clientId: string, clientSecret: string): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
  const answer = await fetch(`${base}/api/v1/oauth/token`, { method: 'POST', body });
  const issued: Token = await answer.json();
  return issued.access_token;
}

export async function readFeed(base: string, bearer: string, after: string): Promise<FeedPage> {
  const answer = await fetch(`${base}/api/v1/integrations/submissions?after=${after}`, {
    headers: { Authorization: `Bearer ${bearer}` },
  });
  const page: FeedAnswer = await answer.json();
  for (const entry of page.items) {
    const position: number = entry.position;
    const reference: string = entry.reference;
    const version: number = entry.form_version;
    void [position, reference, version];
  }
  return page;
}
