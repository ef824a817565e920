// Handles of people are found as mentions, Discord tags, quote authors and after a label; group mentions,
// email addresses, code and the operator's accounts are not.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { usernameRecognizer } from '../../src/pii/recognizers/usernameRecognizer';

const context = {} as RecognitionContext;
const found = (text: string) =>
  usernameRecognizer
    .recognize(text, context)
    .sort((a, b) => a.start - b.start)
    .map((s) => text.slice(s.start, s.end));

describe('a username', () => {
  it('mentioned with "@" is found with its "@"', () => {
    expect(found('Hey @dung.nguyen, ask @the_oliver_shelf!')).toEqual(['@dung.nguyen', '@the_oliver_shelf']);
  });

  it('with a Discord number is found whole', () => {
    expect(found('ping me on Discord (awa#2369).')).toEqual(['awa#2369']);
  });

  it('of a quoted author is found without the markup', () => {
    const text = '> **wolfgangm93** wrote:\n> hi\n[quote="bookworm_berenice, post:28, topic:2287"]\n> **lea_lit** a écrit :';
    expect(found(text)).toEqual(['wolfgangm93', 'bookworm_berenice', 'lea_lit']);
  });

  it('after a label is found, even plain letters after "my username here is"', () => {
    const text = 'my username here is soconnor. Insta : helenelebihan05. ajoutez-moi : rocio.lit';
    expect(found(text)).toEqual(['soconnor', 'helenelebihan05', 'rocio.lit']);
  });

  it('after a network name must look like a handle: "Discord : ce soir" is not one', () => {
    expect(found('Discord : ce soir. Insta: tomorrow')).toEqual([]);
  });

  it('is not an email address, a group mention, a time, a package or a decorator', () => {
    expect(found('mail marie@free.fr, @everyone @here, rdv @10h, npm i @types/node, @Override')).toEqual([]);
  });

  it("is not the forum operator's own handle", () => {
    expect(found('Follow @LumenReader or @LumenReaderFR for outage updates')).toEqual([]);
  });

  it('after "on Discord as" is not an ordinary word', () => {
    expect(found("I'm on Discord as well, and my username here is the same")).toEqual([]);
  });
});
