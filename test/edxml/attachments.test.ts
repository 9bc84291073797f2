import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VnEgovError } from '../../src/errors/index.js';
import { buildEdxml, parseEdxml, type EdxmlDocumentResult } from '../../src/edxml/index.js';

const data = new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(70_000));
const xml = buildEdxml({ to: [{ organId: '000.00.00.H41' }], responseFor: [] }, [
  { contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf', data },
]);

describe('attachment handles', () => {
  it('sha256() and inspect() give the SHA-256 of the decoded bytes, computed once and shared', async () => {
    const expected = createHash('sha256').update(data).digest('hex');
    for (const input of [xml, new TextEncoder().encode(xml)]) {
      const [a] = (parseEdxml(input) as EdxmlDocumentResult).attachments;
      const first = a!.sha256();
      expect(a!.sha256()).toBe(first); // the same promise: no second decode or digest
      expect(await first).toBe(expected);
      const report = await a!.inspect();
      expect(report).toEqual({ size: data.length, sha256: expected, contentType: expect.objectContaining({ matches: true }) });
      expect(a!.bytes()).toEqual(data);
    }
  });

  it('a bad payload still throws from sha256() synchronously, every time (nothing cached)', () => {
    const bad = xml.replace(/(<edXML:ContentTransferEncoded>)(.)/, '$1*');
    const [a] = (parseEdxml(bad) as EdxmlDocumentResult).attachments;
    for (let k = 0; k < 2; k++) {
      let err: unknown;
      try {
        void a!.sha256();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(VnEgovError);
      expect((err as VnEgovError).code).toBe('EDXML_INVALID_BASE64');
    }
  });
});
