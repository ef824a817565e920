// Finds links to a person's profile on a social network: facebook.com/x, instagram.com/x, x.com/x,
// linkedin.com/in/x, github.com/x, tiktok.com/@x, youtube.com/@x, reddit.com/u/x, bsky.app/profile/x, any
// Mastodon-style https://instance/@x… Posts, groups, help pages, repositories and issues are not profiles.
import { isOperatorAccount } from '../operatorAccounts';
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

const linkStop = String.raw`[^\s<>()[\]{}"'\x60|\\]`;
// Links with a scheme, and bare ones on the networks people write without it ("instagram.com/marie").
const linkPattern = new RegExp(
  String.raw`https?:\/\/${linkStop}+` +
    String.raw`|(?:facebook|instagram|twitter|x|linkedin|github|tiktok|youtube|reddit|goodreads|threads|medium|pinterest|twitch|bsky)\.(?:com|net|app|tv)\/${linkStop}+`,
  'giu',
);
const trailingPunctuation = /[.,;:!?*'"’]+$/u;

interface ProfileRule {
  hosts: readonly string[];
  /** Matches the path of a profile; group "handle" is the account name, when the path has one. */
  path: RegExp;
}

// Paths of these networks that are features, not people.
const facebookPages = 'groups|pages|events|share|sharer|sharer\\.php|login|help|policies|privacy|watch|marketplace|gaming|hashtag|ads|business|settings|notifications|messages|legal|photo\\.php|permalink\\.php|story\\.php|home\\.php|reel|stories';
const instagramPages = 'p|reel|reels|explore|stories|accounts|about|developer|legal|direct|tv';
const twitterPages = 'home|search|explore|settings|i|intent|share|hashtag|login|signup|tos|privacy|notifications|messages|compose';
const githubPages = 'features|pricing|about|login|join|signup|orgs|topics|marketplace|sponsors|settings|explore|enterprise|security|team|readme|collections|trending|events|site|contact|apps|notifications|issues|pulls|new|search|codespaces|customer-stories|solutions|resources|blog';

const rules: readonly ProfileRule[] = [
  { hosts: ['facebook.com', 'fb.com'], path: new RegExp(String.raw`^\/(?:profile\.php\?id=\d+|(?!(?:${facebookPages})\b)(?<handle>[\p{L}\p{N}.\-]{2,}))\/?$`, 'iu') },
  { hosts: ['instagram.com'], path: new RegExp(String.raw`^\/(?!(?:${instagramPages})\/?$)(?<handle>[\w.]{1,30})\/?$`, 'iu') },
  { hosts: ['twitter.com', 'x.com'], path: new RegExp(String.raw`^\/(?!(?:${twitterPages})\/?$)(?<handle>\w{1,50})\/?$`, 'iu') },
  { hosts: ['linkedin.com'], path: /^\/in\/(?<handle>[\p{L}\p{N}\-_%]+)\/?$/iu },
  { hosts: ['github.com'], path: new RegExp(String.raw`^\/(?!(?:${githubPages})\/?$)(?<handle>[a-z0-9][a-z0-9-]{0,38})\/?$`, 'iu') },
  { hosts: ['tiktok.com', 'threads.net', 'medium.com'], path: /^\/@(?<handle>[\w.\-]+)\/?$/iu },
  { hosts: ['youtube.com'], path: /^\/(?:@|c\/|user\/|channel\/)(?<handle>[\w.\-]+)\/?$/iu },
  { hosts: ['reddit.com'], path: /^\/(?:u|user)\/(?<handle>[\w\-]+)\/?$/iu },
  { hosts: ['goodreads.com'], path: /^\/user\/show\/\d+(?:-(?<handle>[\w\-]+))?\/?$/iu },
  { hosts: ['bsky.app'], path: /^\/profile\/(?<handle>[\w.\-:]+)\/?$/iu },
  { hosts: ['pinterest.com', 'twitch.tv', 'soundcloud.com', 'letterboxd.com', 'behance.net', 'dribbble.com'], path: /^\/(?<handle>[\w\-]{3,30})\/?$/iu },
  { hosts: ['flickr.com'], path: /^\/(?:people|photos)\/(?<handle>[\w@\-]+)\/?$/iu },
  { hosts: ['t.me', 'about.me', 'keybase.io', 'ko-fi.com', 'patreon.com', 'vk.com'], path: /^\/(?<handle>[\w.\-]{3,32})\/?$/iu },
];
// Mastodon, Pixelfed and other federated servers: https://any.instance/@user.
const federatedProfile = /^\/@(?<handle>[\w.\-]+)(?:@[\w.\-]+)?\/?$/iu;

export const profileUrlRecognizer: Recognizer = {
  name: 'profile url',
  recognize(text) {
    const spans: Span[] = [];
    // Every link this finds has a "/": most posts have none and are spared the scan.
    for (const match of text.includes('/') ? text.matchAll(linkPattern) : []) {
      const start = linkStart(text, match.index);
      if (start === undefined) continue;
      const link = text.slice(start, match.index) + match[0].replace(trailingPunctuation, '');
      const handle = profileHandle(link);
      if (handle === undefined || isOperatorAccount(handle)) continue;
      spans.push({ start, end: start + link.length, type: 'profile_url', owner: 'other', score: 0.9 });
    }
    return spans;
  },
};

/** Where a link written without a scheme starts ("www.instagram.com/…"), or undefined inside another word or domain. */
function linkStart(text: string, index: number): number | undefined {
  if (text.startsWith('http', index)) return index;
  const prefix = /(?:www\.|m\.)?$/u.exec(text.slice(Math.max(0, index - 4), index))?.[0] ?? '';
  const start = index - prefix.length;
  return /[\p{L}\p{N}@.\/-]/u.test(text.charAt(start - 1)) ? undefined : start;
}

/** The account a link points to if it is a profile ('' when the path names none, as "profile.php?id="), else undefined. */
function profileHandle(link: string): string | undefined {
  const parsed = /^(?:https?:\/\/)?(?<host>[^\/?#]+)(?<path>\/[^#]*)?$/iu.exec(link);
  const host = (parsed?.groups?.host ?? '').toLowerCase().replace(/^(?:www|m|mobile|web)\./u, '');
  const rawPath = parsed?.groups?.path ?? '/';
  // Tracking parameters ("?igshid=…", "?hl=fr") do not change whose profile it is; facebook's "?id=" does.
  const path = host.endsWith('facebook.com') && rawPath.startsWith('/profile.php') ? rawPath : rawPath.replace(/\?.*$/u, '');
  const rule = rules.find((r) => r.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
  const found = (rule?.path ?? federatedProfile).exec(path);
  if (found === null) return undefined;
  return found.groups?.handle ?? '';
}
