// What every forum connector must do, written once: a connector is done when it passes this suite against its
// real server. Each *.contract.test.ts hands in a harness that opens a fresh forum, inserts items its own way and
// reads back what is stored, so that the suite checks the storage itself and not only the connector's reading.
import { randomBytes } from 'node:crypto';
import { type ForumPost, type ForumStore, type PostRewrite, postContentHash } from '../../src/forum/port';

export interface NewItem {
  body: string;
  /** The successive texts of the item before its current one, oldest first, saved a minute apart. */
  revisions?: string[];
  /** Only names of the harness's fieldNames. */
  fields?: Record<string, string>;
}

export interface ConnectorHarness {
  forum: ForumStore;
  /** Inserts an item the way the forum itself would, and returns its id. */
  insertPost(item: NewItem): Promise<string>;
  /** Every text stored for the item, read with the forum's own SQL, in a stable order; null when it is gone. */
  readStored(id: string): Promise<string[] | null>;
  /** Changes the item's text as its author would, outside the connector. */
  editBody(id: string, body: string): Promise<void>;
  close(): Promise<void>;
}

/** What the suite must know of a connector before it opens one. */
export interface ConnectorTraits {
  /** The fields an inserted item carries (besides those of its revisions); empty when the forum keeps none. */
  fieldNames: string[];
  /** Ids that no item of this forum can have. */
  idsOfWrongShape: string[];
  /** A field value the storage cannot hold (too long for its column), when it has such a limit. */
  unstorableField?: { name: string; value: string };
}

/** A word no other test of the run uses, so that each search sees its own posts only. */
const uniqueWord = () => `zq${randomBytes(5).toString('hex').replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] ?? 'a')}`;

async function collect(posts: AsyncIterable<ForumPost>): Promise<ForumPost[]> {
  const found: ForumPost[] = [];
  for await (const post of posts) found.push(post);
  return found;
}

/** Replaces every copy of `term`, everywhere in the item: body, rendered body, revisions and fields. */
function removing(term: string) {
  const redact = (text: string) => text.split(term).join('[removed]');
  return (post: ForumPost): PostRewrite => ({
    body: redact(post.body),
    renderedBody: redact(post.renderedBody),
    revisions: post.revisions.map((r) => ({ id: r.id, before: redact(r.before), after: redact(r.after) })),
    ...(post.fields ? { fields: Object.fromEntries(Object.entries(post.fields).map(([name, value]) => [name, redact(value)])) } : {}),
  });
}

export function describeForumConnector(name: string, traits: ConnectorTraits, open: () => Promise<ConnectorHarness>): void {
  const withFields = traits.fieldNames.length > 0 ? test : test.skip;
  const withLimits = traits.unstorableField ? test : test.skip;
  describe(`the ${name} connector`, () => {
    let h: ConnectorHarness;
    let forum: ForumStore;
    /** One value per field of the forum, each holding `text`. */
    const fieldsHolding = (text: string) => Object.fromEntries(traits.fieldNames.map((field) => [field, `${field}: ${text}`]));

    beforeAll(async () => {
      h = await open();
      forum = h.forum;
    });
    afterAll(async () => {
      await h?.close();
    });

    describe('reading', () => {
      test('an item is read with its text, its fields and its revisions oldest first, and hashed as the port says', async () => {
        const id = await h.insertPost({ body: 'Swap on Saturday.', revisions: ['Swap on Saturday, call 07700 900123.', 'Swap on Saturday, call me.'], fields: fieldsHolding('swap') });

        const post = await forum.getPost(id);

        expect(post).toMatchObject({ id, body: 'Swap on Saturday.' });
        expect(post?.revisions.map((r) => r.after)).toEqual(['Swap on Saturday, call 07700 900123.', 'Swap on Saturday, call me.']);
        expect(post?.revisions.every((r) => typeof r.id === 'string' && r.createdAt instanceof Date)).toBe(true);
        expect(post?.revisions[1]?.createdAt.getTime()).toBeGreaterThan(post?.revisions[0]?.createdAt.getTime() ?? Infinity);
        for (const [field, value] of Object.entries(fieldsHolding('swap'))) expect(post?.fields?.[field]).toBe(value);
        expect(post?.contentHash).toBe(postContentHash(post as ForumPost));
        await expect(forum.getPost(id)).resolves.toEqual(post);
      });

      test('an item that does not exist, or an id of the wrong shape, reads as null and is not among the existing', async () => {
        const id = await h.insertPost({ body: 'here' });
        const missing = String(BigInt(id.replace(/\D/g, '')) + 1_000_000n);
        for (const wrong of [missing, ...traits.idsOfWrongShape]) await expect(forum.getPost(wrong)).resolves.toBeNull();
        await expect(forum.existingPostIds([id, id, missing, ...traits.idsOfWrongShape, ''])).resolves.toEqual(new Set([id]));
      });
    });

    describe('searching', () => {
      test('case, accents, spacing and punctuation do not hide a match; an unrelated item is not found', async () => {
        const word = uniqueWord();
        const upper = await h.insertPost({ body: `Ask ${word.toUpperCase()} Élodie about the swap.` });
        const accented = await h.insertPost({ body: `Signed, MARIE-HÉLÈNE ${word}.` });
        const spaced = await h.insertPost({ body: `Ring ${word} on 06.39.98.11.23 any time.` });
        await h.insertPost({ body: `${word} alone, nobody named.` });

        const found = await collect(forum.findPostsContaining([`${word} élodie`, `Marie Hélène ${word}`, `${word} 06 39 98 11 23`]));

        expect(found.map((post) => post.id)).toEqual([upper, accented, spaced]);
      });

      test('a term found only in a revision finds the item, which comes as getPost gives it', async () => {
        const word = uniqueWord();
        const id = await h.insertPost({ body: 'Edited.', revisions: [`Mail ${word}.quokka@example.com`] });

        const found = await collect(forum.findPostsContaining([`${word}.quokka@example.com`]));

        expect(found).toEqual([await forum.getPost(id)]);
      });

      withFields('a term found only in a field finds the item', async () => {
        const word = uniqueWord();
        for (const field of traits.fieldNames) {
          const id = await h.insertPost({ body: 'Nothing here.', fields: { ...fieldsHolding('plain'), [field]: `by ${word} Quokka` } });
          const found = await collect(forum.findPostsContaining([`${word} quokka`]));
          expect(found.map((post) => post.id)).toEqual([id]);
          await forum.deletePost(id, found[0]?.contentHash ?? '');
        }
      });

      test('the search pages through the forum in chunks, finding the same items whatever the chunk size, and reports its progress', async () => {
        const word = uniqueWord();
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) {
          ids.push(await h.insertPost({ body: i === 2 ? 'edited' : `post ${i} by ${word}`, revisions: i === 2 ? [`was by ${word}`] : [] }));
          await h.insertPost({ body: `filler ${i}` });
        }
        for (const pageSize of [1, 2, 3, 1000]) {
          const progress: [number, number][] = [];
          const found = await collect(forum.findPostsContaining([word], { pageSize, onProgress: (s, t) => void progress.push([s, t]) }));
          expect(found.map((post) => post.id)).toEqual(ids);
          const [scanned, total] = progress.at(-1) ?? [0, 0];
          expect(total).toBeGreaterThanOrEqual(10);
          expect(scanned).toBe(total);
          if (pageSize === 1) expect(progress.length).toBeGreaterThanOrEqual(10);
          expect(progress.map(([s]) => s)).toEqual([...progress.map(([s]) => s)].sort((a, b) => a - b));
        }
      });

      test('no terms, or only short ones, find nothing rather than everything', async () => {
        await h.insertPost({ body: 'anything' });
        await expect(collect(forum.findPostsContaining([]))).resolves.toEqual([]);
        await expect(collect(forum.findPostsContaining(['', 'any']))).resolves.toEqual([]);
      });

      test('an item quoting another item is found with it and can be rewritten on its own', async () => {
        const word = uniqueWord();
        const quoted = await h.insertPost({ body: `I am ${word} Quillard, write to me.` });
        const quoting = await h.insertPost({ body: `> I am ${word} Quillard, write to me.\n\nShe said so.` });

        const found = await collect(forum.findPostsContaining([`${word} quillard`]));
        expect(found.map((post) => post.id)).toEqual([quoted, quoting]);

        const storedQuoted = await h.readStored(quoted);
        const result = await forum.applyRewrite(quoting, found[1]?.contentHash ?? '', removing(`${word} Quillard`));
        expect(result.status).toBe('applied');
        expect((await h.readStored(quoting))?.join('\n')).not.toContain(word);
        expect(await h.readStored(quoted)).toEqual(storedQuoted);
      });
    });

    describe('rewriting', () => {
      test('a rewrite against the reviewed hash writes the text, every revision and every field, and answers the new hash', async () => {
        const word = uniqueWord();
        const id = await h.insertPost({
          body: `Call ${word} on 07700 900456.`,
          revisions: [`Call ${word} on 07700 900456 or at home.`, `Call ${word}.`],
          fields: fieldsHolding(`${word} again`),
        });
        const before = await forum.getPost(id);
        expect((await h.readStored(id))?.filter((text) => text.includes(word)).length).toBeGreaterThanOrEqual(3 + traits.fieldNames.length);

        const result = await forum.applyRewrite(id, before?.contentHash ?? '', removing(word));

        const after = await forum.getPost(id);
        expect(result).toEqual({ status: 'applied', contentHash: after?.contentHash });
        expect(after?.contentHash).not.toBe(before?.contentHash);
        const stored = (await h.readStored(id))?.join('\n') ?? '';
        expect(stored).not.toContain(word);
        expect(stored).toContain('Call [removed] on 07700 900456 or at home.');
        expect(after?.body).toBe('Call [removed] on 07700 900456.');
        for (const field of traits.fieldNames) expect(after?.fields?.[field]).toBe(`${field}: [removed] again`);
      });

      test('a rewrite against a stale hash writes nothing and answers changed, with the current hash', async () => {
        const id = await h.insertPost({ body: 'Call 07700 900456.', revisions: ['Call me.'] });
        const reviewed = await forum.getPost(id);
        await h.editBody(id, 'Edited by its author since.');
        const rewrite = jest.fn(removing('07700'));

        const result = await forum.applyRewrite(id, reviewed?.contentHash ?? '', rewrite);

        expect(result).toEqual({ status: 'changed', contentHash: (await forum.getPost(id))?.contentHash });
        expect(rewrite).not.toHaveBeenCalled();
        expect(await h.readStored(id)).toContain('Edited by its author since.');
      });

      test('rewriting or deleting an item that does not exist answers not_found without calling the rewrite', async () => {
        const rewrite = jest.fn(removing('x'));
        for (const id of ['987654321987', ...traits.idsOfWrongShape]) {
          await expect(forum.applyRewrite(id, 'any', rewrite)).resolves.toEqual({ status: 'not_found' });
          await expect(forum.deletePost(id, 'any')).resolves.toEqual({ status: 'not_found' });
        }
        expect(rewrite).not.toHaveBeenCalled();
      });

      test('of two rewrites reviewed against the same content, exactly one applies and the other finds the item changed', async () => {
        const id = await h.insertPost({ body: 'Call 07700 900456.', revisions: ['Call 07700 900456 now.'], fields: fieldsHolding('07700 900456') });
        const hash = (await forum.getPost(id))?.contentHash ?? '';

        const results = await Promise.all([
          forum.applyRewrite(id, hash, removing('07700 900456')),
          forum.applyRewrite(id, hash, (p) => ({ ...removing('07700 900456')(p), body: 'second' })),
        ]);

        expect(results.map((r) => r.status).sort()).toEqual(['applied', 'changed']);
        const applied = results.find((r) => r.status === 'applied');
        const current = await forum.getPost(id);
        expect(current?.contentHash).toBe(applied && 'contentHash' in applied ? applied.contentHash : undefined);
        expect(results.find((r) => r.status === 'changed')).toEqual({ status: 'changed', contentHash: current?.contentHash });
      });
    });

    describe('a failed write leaves the item untouched', () => {
      test('when the rewrite throws, nothing is written', async () => {
        const id = await h.insertPost({ body: 'Call 07700 900456.', revisions: ['Call me.'] });
        const post = await forum.getPost(id);
        const stored = await h.readStored(id);

        await expect(
          forum.applyRewrite(id, post?.contentHash ?? '', () => {
            throw new Error('detector crashed');
          }),
        ).rejects.toThrow('detector crashed');

        expect(await h.readStored(id)).toEqual(stored);
      });

      test('a rewrite naming a revision of another item is refused, and nothing of the rewrite is written', async () => {
        const id = await h.insertPost({ body: 'Call 07700 900456.', revisions: ['Call 07700 900456 soon.'], fields: fieldsHolding('07700 900456') });
        const otherId = await h.insertPost({ body: 'other', revisions: ['o'] });
        const other = await forum.getPost(otherId);
        const post = await forum.getPost(id);
        const [stored, otherStored] = [await h.readStored(id), await h.readStored(otherId)];

        await expect(
          forum.applyRewrite(id, post?.contentHash ?? '', (p) => {
            const next = removing('07700 900456')(p);
            return { ...next, revisions: [...next.revisions, { id: other?.revisions[0]?.id ?? '', before: '', after: 'hijacked' }] };
          }),
        ).rejects.toThrow(/does not belong/);

        expect(await h.readStored(id)).toEqual(stored);
        expect(await h.readStored(otherId)).toEqual(otherStored);
        expect(await forum.getPost(id)).toEqual(post);
      });

      withLimits('a field value too long for its column is refused, and nothing of the rewrite stays', async () => {
        const { name, value } = traits.unstorableField ?? { name: '', value: '' };
        const id = await h.insertPost({ body: 'Call 07700 900456.', revisions: ['Call 07700 900456 soon.'], fields: fieldsHolding('07700 900456') });
        const post = await forum.getPost(id);
        const stored = await h.readStored(id);

        await expect(
          forum.applyRewrite(id, post?.contentHash ?? '', (p) => {
            const next = removing('07700 900456')(p);
            return { ...next, fields: { ...next.fields, [name]: value } };
          }),
        ).rejects.toThrow();

        expect(await h.readStored(id)).toEqual(stored);
      });
    });

    describe('deleting', () => {
      test('an item is deleted with its revisions, only while it is the item that was reviewed', async () => {
        const id = await h.insertPost({ body: 'Delete me.', revisions: ['Delete me now.'], fields: fieldsHolding('gone') });
        const reviewed = await forum.getPost(id);
        await h.editBody(id, 'Edited since.');

        await expect(forum.deletePost(id, reviewed?.contentHash ?? '')).resolves.toMatchObject({ status: 'changed' });
        expect(await h.readStored(id)).toContain('Edited since.');

        const edited = await forum.getPost(id);
        await expect(forum.deletePost(id, edited?.contentHash ?? '')).resolves.toEqual({ status: 'deleted' });
        expect(await h.readStored(id)).toBeNull();
        await expect(forum.getPost(id)).resolves.toBeNull();
        await expect(forum.deletePost(id, edited?.contentHash ?? '')).resolves.toEqual({ status: 'not_found' });
      });
    });
  });
}
