// Finds other people's handles: @mentions, Discord tags ("marie#1234"), the author of a quoted post
// ("> **lea_lit** wrote:", [quote="lea_lit"]) and a handle after a label ("Insta : marie_reads", "my username
// here is marie", "add me: marie.reads"). Group mentions, the operator's own accounts and code are not people.
import { anchoredMatches, asciiWhereTheTextIs, positionsOf, stickyCopy } from '../anchoredMatches';
import { isOperatorAccount } from '../operatorAccounts';
import type { Recognizer } from '../recognizer';
import type { Span } from '../types';

const handleChars = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_.\-]*[\p{L}\p{N}_])?`;
// Not inside an email address, a URL path or a longer word; "@types/node" is a package and "@10h" a time.
const mentionPattern = new RegExp(
  String.raw`@(?<![\p{L}\p{N}_.+\-@\/\\]@)[\p{L}_](?:[\p{L}\p{N}_.\-]*[\p{L}\p{N}_])?(?![\p{L}\p{N}_@\/]|\.[\p{L}\p{N}])`,
  'gu',
);
// The mention pattern with \p{L} and \p{N} read as the ASCII letters and digits they are on ASCII text (see
// asciiWhereTheTextIs): it runs for most posts, since most hold an "@".
const asciiMention = /@(?<![A-Za-z0-9_.+\-@\/\\]@)[A-Za-z_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?(?![A-Za-z0-9_@\/]|\.[A-Za-z0-9])/y;

/**
 * The match of mentionPattern at the "@" at `at`, or null. The pattern reads the character before the "@", and
 * from it on only "@", letters, digits, "_", "." and "-" but for the one character that ends their run.
 */
export const mentionAt = asciiWhereTheTextIs(asciiMention, stickyCopy(mentionPattern), isAsciiHandleChar);

function isAsciiHandleChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45 || code === 64;
}

// Found from its "#1234", the rarer end, then read backwards to the start of the name.
const discordNumberPattern = /#(?<=[\p{L}\p{N}_]#)\d{4}(?![\p{L}\p{N}_])/gu;
const discordNameBefore = new RegExp(String.raw`(?<![\p{L}\p{N}_.@#\/])${handleChars}$`, 'u');
// The author of a quote: "> **name** wrote:" / "a écrit :", and Discourse's [quote="name, post:1, topic:2"].
const quoteAuthorPattern = new RegExp(
  String.raw`^[ \t]*>?[ \t]*\*\*(${handleChars})\*\*[ \t]+(?:wrote|said|a[ \t]+écrit|a[ \t]+ecrit|schrieb)|\[quote="(${handleChars})(?=[",])`,
  'gimu',
);
// A handle announced by a label. Labels that say "this is my username" take any word; a network's name alone
// ("Insta :") takes only a word shaped like a handle, since "Discord : ce soir" is not one.
const usernameLabel = String.raw`(?:user\s?name|pseudo|handle|nick(?:name)?|gamertag)(?:\s+(?:here|ici|on\s+\w+|sur\s+\w+))?\s*(?:is|est|c'est|c’est|:|=)|add\s+me\s*(?:on\s+\w+\s*)?:|ajout(?:e|ez)[-\s]moi\s*(?:sur\s+\w+\s*)?:|on\s+discord\s+(?:as|\()|sur\s+discord\s+(?:en\s+tant\s+que|comme|\()|find\s+me\s+(?:on\s+\w+\s+)?as`;
const networkLabel = String.raw`(?:insta(?:gram)?|ig|twitter|tiktok|snap(?:chat)?|discord|telegram|skype|steam|psn|xbox|bluesky|mastodon|threads|goodreads)\s*(?::|\()|friend\s+request!?\s+i['’]?m`;
// The label's own left edge is checked in code: a leading lookbehind would be tried at every character.
const labelledPattern = new RegExp(String.raw`(?:(${usernameLabel})|(${networkLabel}))[ \t]*(@?${handleChars}(?:#\d{4})?)(?![\p{L}\p{N}_@#]|:\/\/)`, 'giu');
// Most posts name no network nor username: the labelled pattern, costly for its many labels, is spared them.
const labelHint =
  /user\s?name|pseudo|handle|nick|gamertag|add\s+me|ajout|discord|find\s+me|friend\s+request|insta|\big\s*[:(]|twitter|tiktok|snap|telegram|skype|steam|psn|xbox|bluesky|mastodon|threads|goodreads/i;
const handleShaped = /[_.\-]|\p{N}{2,}$|^\p{Ll}+\p{N}+$/u;
// Mentions of a group or a role, and at-rules, decorators and annotations that code blocks are full of.
const notPeople = new Set([
  'everyone', 'here', 'channel', 'all', 'admin', 'admins', 'mod', 'mods', 'moderator', 'moderators', 'moderation', 'staff',
  'team', 'support', 'help', 'media', 'import', 'font-face', 'keyframes', 'charset', 'supports', 'page', 'override', 'param',
  'return', 'returns', 'deprecated', 'author', 'since', 'see', 'throws', 'type', 'typedef', 'example', 'todo', 'test',
  'interface', 'component', 'injectable', 'input', 'output', 'property', 'staticmethod', 'classmethod', 'dataclass', 'home',
]);
// Words a label can be followed by that are not handles ("my username here is the same as my email").
const notHandles = new Set([
  'the', 'my', 'a', 'an', 'same', 'well', 'usual', 'always', 'before', 'said', 'mentioned', 'above', 'below', 'it', 'is', 'if', 'and', 'or',
  'too', 'you', 'i', 'we', 'they', 'he', 'she', 'in', 'on', 'here', 'there', 'not', 'still', 'just', 'also', 'le', 'la', 'les', 'un', 'une',
  'mon', 'ma', 'ici', 'sur', 'et', 'ou', 'aussi', 'pareil', 'même', 'meme', 'toujours', 'dessus', 'dessous', 'pas', 'plus', 'que', 'qui',
]);

export const usernameRecognizer: Recognizer = {
  name: 'username',
  recognize(text) {
    const spans: Span[] = [];
    // Each pattern needs a character most posts lack ("@", "#", "**" or "["): those posts are spared the scan.
    // The patterns are run with exec rather than matchAll, which copies the pattern for every text; none of them
    // matches the empty string, so the two find the same matches.
    // Every mention starts at an "@".
    for (const m of anchoredMatches(mentionAt, text, positionsOf(text, '@'))) report(spans, m.index, m[0], 0.85);
    if (text.includes('#')) {
      discordNumberPattern.lastIndex = 0;
      for (let m = discordNumberPattern.exec(text); m !== null; m = discordNumberPattern.exec(text)) {
        const name = discordNameBefore.exec(text.slice(Math.max(0, m.index - 32), m.index))?.[0];
        if (name !== undefined) report(spans, m.index - name.length, name + m[0], 0.8);
      }
    }
    if (text.includes('**') || text.includes('[')) {
      quoteAuthorPattern.lastIndex = 0;
      for (let m = quoteAuthorPattern.exec(text); m !== null; m = quoteAuthorPattern.exec(text)) {
        const name = m[1] ?? m[2] ?? '';
        report(spans, m.index + m[0].indexOf(name, m[1] === undefined ? 7 : 0), name, 0.9);
      }
    }
    if (labelHint.test(text)) {
      labelledPattern.lastIndex = 0;
      for (let m = labelledPattern.exec(text); m !== null; m = labelledPattern.exec(text)) {
        if (/\p{L}/u.test(text.charAt(m.index - 1))) continue;
        const handle = m[3] ?? '';
        if (notHandles.has(handle.toLowerCase())) continue;
        if (m[2] !== undefined && !handle.startsWith('@') && !handleShaped.test(handle)) continue;
        report(spans, m.index + m[0].length - handle.length, handle, 0.8);
      }
    }
    return spans;
  },
};

// At module level rather than a closure in recognize: it would be made again for every text.
function report(spans: Span[], start: number, handle: string, score: number): void {
  const bare = handle.replace(/^@/u, '');
  if (notPeople.has(bare.toLowerCase()) || isOperatorAccount(bare)) return;
  // "on Discord (awa#2369)" is both a Discord tag and a labelled handle: one finding.
  if (spans.some((s) => s.start <= start && start + handle.length <= s.end)) return;
  spans.push({ start, end: start + handle.length, type: 'username', owner: 'other', score });
}
