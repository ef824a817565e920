// Quote blocks are found in every way forum users quote: markdown, BBCode, Discourse, and in rendered HTML.
import { htmlQuoteRanges, sourceQuoteRanges } from '../../src/domain/quoteBlocks';

const quoted = (text: string, ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));

describe('markdown', () => {
  test('a run of "> " lines is one quote, nested "> >" lines included, and the reply after it is not quoted', () => {
    const text = 'Anna wrote:\n\n> first line\n> > nested older quote\n>second line\n\nMy own reply.';
    expect(quoted(text, sourceQuoteRanges(text))).toEqual(['> first line\n> > nested older quote\n>second line']);
  });

  test('two quotes separated by a reply are two ranges, and a ">" inside a line is not a quote', () => {
    const text = '> one\nreply with 3 > 2 inside\n   > two, indented by three spaces\n    > four spaces is code';
    expect(quoted(text, sourceQuoteRanges(text))).toEqual(['> one', '   > two, indented by three spaces']);
  });

  test('lines starting with ">" inside a fenced code block are code, not a quote', () => {
    const text = '```\n> not a quote\n```\n> a quote\n~~~sh\n> $ echo\n~~~';
    expect(quoted(text, sourceQuoteRanges(text))).toEqual(['> a quote']);
  });
});

describe('BBCode and Discourse', () => {
  test('[quote], [quote=name] and Discourse\'s [quote="user, post:1, topic:2"] are quotes, in any case', () => {
    const text = 'a [quote]one[/quote] b [QUOTE=anna]two[/Quote] c [quote="anna, post:1, topic:2"]three[/quote] d';
    expect(quoted(text, sourceQuoteRanges(text))).toEqual(['[quote]one[/quote]', '[QUOTE=anna]two[/Quote]', '[quote="anna, post:1, topic:2"]three[/quote]']);
  });

  test('nested quotes give the outer one, closed by its own closing tag', () => {
    const text = '[quote=b][quote=a]inner[/quote] outer[/quote] reply [quote]x[/quote]';
    expect(quoted(text, sourceQuoteRanges(text))).toEqual(['[quote=b][quote=a]inner[/quote] outer[/quote]', '[quote]x[/quote]']);
  });

  test('a stray closing tag closes nothing, and a quote never closed runs to the end of the text', () => {
    const text = 'reply[/quote] more [quote=anna]she said this and the poster forgot to close it';
    expect(quoted(text, sourceQuoteRanges(text))).toEqual(['[quote=anna]she said this and the poster forgot to close it']);
  });

  test('tags that only look like quotes ([quotes], [quoted], a tag split over lines) are not quotes', () => {
    const text = '[quotes]a[/quotes] [quoted]b[/quoted] [quote="x\n"]c';
    expect(sourceQuoteRanges(text)).toEqual([]);
  });

  test('a markdown quote inside a BBCode quote, and one beside it, merge into the outer ranges', () => {
    const text = '[quote]\n> deep\n[/quote]\n> after';
    expect(quoted(text, sourceQuoteRanges(text))).toEqual(['[quote]\n> deep\n[/quote]', '> after']);
  });

  test('a text without quotes has no ranges', () => {
    expect(sourceQuoteRanges('Write to me at marie@example.fr, 3 > 2.')).toEqual([]);
  });
});

describe('rendered HTML', () => {
  test('<blockquote> elements are quotes, nested ones inside the outer one, in any case', () => {
    const html = '<p>a</p><BlockQuote class="x"><p>one</p><blockquote>two</blockquote>still one</BLOCKQUOTE><p>mine</p>';
    expect(quoted(html, htmlQuoteRanges(html))).toEqual(['<BlockQuote class="x"><p>one</p><blockquote>two</blockquote>still one</BLOCKQUOTE>']);
  });

  test('Discourse\'s <aside class="quote"> is a quote; a onebox aside is not, and its closing tag does not end the quote', () => {
    const html =
      '<aside class="onebox">link</aside><aside class="quote no-group" data-username="anna" data-post="1" data-topic="2">' +
      '<div class="title">anna:</div><blockquote>text</blockquote><aside class="onebox">inner</aside> tail</aside><p>reply</p>';
    expect(quoted(html, htmlQuoteRanges(html))).toEqual([
      '<aside class="quote no-group" data-username="anna" data-post="1" data-topic="2"><div class="title">anna:</div><blockquote>text</blockquote><aside class="onebox">inner</aside> tail</aside>',
    ]);
  });

  test('an unclosed blockquote runs to the end, as a browser shows it; escaped tags are text', () => {
    const html = '<p>&lt;blockquote&gt; is text</p><blockquote>open';
    expect(quoted(html, htmlQuoteRanges(html))).toEqual(['<blockquote>open']);
  });

  test('a blockquote left open inside an aside quote ends with the aside', () => {
    const html = '<aside class="quote"><blockquote>x</aside><p>reply</p>';
    expect(quoted(html, htmlQuoteRanges(html))).toEqual(['<aside class="quote"><blockquote>x</aside>']);
  });
});
