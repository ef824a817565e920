// A requester names a post by its id or by its link; FORUM_POST_URL ("https://forum.example/p/{id}") says
// how one turns into the other.
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

export function postIdFrom(reference: string, urlTemplate: string): string | null {
  const ref = reference.trim();
  if (idPattern.test(ref)) return ref;
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    return null;
  }
  const fromQuery = idFromQuery(url, urlTemplate);
  if (fromQuery !== undefined) return fromQuery;
  const [prefix = '', suffix = ''] = urlTemplate.split('{id}');
  const bare = `${url.origin}${url.pathname}`.replace(/\/$/, '');
  const base = new URL(prefix.startsWith('http') ? prefix : `http://x/${prefix}`);
  const wanted = `${base.origin}${base.pathname}`;
  if (!bare.startsWith(wanted)) return null;
  const rest = bare.slice(wanted.length);
  const id = suffix && rest.endsWith(suffix.replace(/\/$/, '')) ? rest.slice(0, rest.length - suffix.replace(/\/$/, '').length) : rest;
  // Forum links often carry a slug before the id ("/t/my-topic/123"): the id is the last segment.
  const last = id.split('/').filter(Boolean).pop() ?? '';
  return idPattern.test(last) ? last : null;
}

/**
 * A template with the id in its query ("https://blog.example.org/?p={id}", WordPress's plain links): the id is
 * that parameter of a link to the same page. Undefined when the template keeps its id elsewhere.
 */
function idFromQuery(url: URL, urlTemplate: string): string | null | undefined {
  let template: URL;
  try {
    template = new URL(urlTemplate.replace('{id}', 'erasure-id-here'));
  } catch {
    return undefined;
  }
  const parameter = [...template.searchParams].find(([, value]) => value === 'erasure-id-here')?.[0];
  if (parameter === undefined) return undefined;
  const page = (u: URL) => `${u.origin}${u.pathname.replace(/\/$/, '')}`;
  const id = url.searchParams.get(parameter);
  return page(url) === page(template) && id !== null && idPattern.test(id) ? id : null;
}

export const postUrl = (id: string, urlTemplate: string): string => urlTemplate.replace('{id}', encodeURIComponent(id));
