// The demo forum's rendered copy of a raw body.
import { renderBodyHtml } from '../../src/forum/demo/bodyHtml';

test('blank lines make paragraphs and single line breaks stay line breaks', () => {
  expect(renderBodyHtml('Hello all!\n\nFirst line\nsecond line')).toBe('<p>Hello all!</p>\n<p>First line<br>\nsecond line</p>');
});

test('markup typed by a member is shown, never run', () => {
  expect(renderBodyHtml(`<script>alert("x")</script> & Tom's`)).toBe(
    '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Tom&#39;s</p>',
  );
});

test('lines starting with > are a quote of another post', () => {
  expect(renderBodyHtml('ellie_reads wrote:\n\n> Mail me at ellie@example.com\n\nThanks!')).toBe(
    '<p>ellie_reads wrote:</p>\n<blockquote><p>Mail me at ellie@example.com</p></blockquote>\n<p>Thanks!</p>',
  );
});
