// Links to a person's profile on a social network are found whole; posts, help pages, issues and the
// operator's own accounts are not profiles.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { profileUrlRecognizer } from '../../src/pii/recognizers/profileUrlRecognizer';

const context = {} as RecognitionContext;
const found = (text: string) => profileUrlRecognizer.recognize(text, context).map((s) => text.slice(s.start, s.end));

describe('a profile URL', () => {
  it.each([
    'https://www.instagram.com/kayleighh05/',
    'https://twitter.com/katarzyna_wisniewska',
    'https://x.com/minh_lit',
    'https://www.facebook.com/krzysztof.lewandowski.2',
    'https://www.linkedin.com/in/cedric-chevalier-a83b33/',
    'https://github.com/matteoc94',
    'https://www.tiktok.com/@lthompson',
    'https://www.youtube.com/@reader_anna',
    'https://www.reddit.com/u/lea_lit',
    'https://www.goodreads.com/user/show/13163983-khadija',
    'https://bsky.app/profile/malgorzata-wojcik.bsky.social',
    'https://mastodon.online/@muller76',
    'https://piaille.fr/@jacob_reads',
  ])('is found: %s', (url) => {
    expect(found(`Find me at ${url} !`)).toEqual([url]);
  });

  it('is found without a scheme, and without the sentence punctuation or markdown around it', () => {
    expect(found('Insta: instagram.com/jane.doe. Or [my page](https://www.facebook.com/jane.doe.7).')).toEqual([
      'instagram.com/jane.doe',
      'https://www.facebook.com/jane.doe.7',
    ]);
  });

  it('is not a post, a group, a help page, a repository, an issue or a Reddit thread', () => {
    const text = [
      'https://www.instagram.com/p/C1a2b3c4d5/',
      'https://www.facebook.com/groups/kobo.users',
      'https://github.com/lumenreader/lumen-fonts/issues/212',
      'https://github.com/lumenreader/lumen-sync',
      'https://www.reddit.com/r/ereader/comments/1b2c3d4/lumen_vs_koreader/',
      'https://lumenreader.app/help/sync',
      'https://play.google.com/store/apps/details?id=app.lumenreader.android',
      'https://twitter.com/search?q=kobo',
    ].join('\n');
    expect(found(text)).toEqual([]);
  });

  it("is not the forum operator's own account", () => {
    expect(found('Follow https://twitter.com/LumenReader or https://www.facebook.com/LumenReaderApp.')).toEqual([]);
  });
});
