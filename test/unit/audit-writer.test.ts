import { Types } from 'mongoose';
import { AuditWriter, type AuditDoc } from '../../src/platform/audit/audit-writer';

const doc = (): AuditDoc => ({ _id: new Types.ObjectId(), action: 'lead.create' });

describe('the audit writer', () => {
  it('should write events handed over together in one batch', async () => {
    const batches: AuditDoc[][] = [];
    const writer = new AuditWriter(async (docs) => void batches.push(docs));
    const events = [doc(), doc(), doc()];
    events.forEach((e) => writer.add(e));
    expect(writer.pending).toBe(3);
    await writer.settled();
    expect(batches).toEqual([events]);
    expect(writer.pending).toBe(0);
  });

  it('should keep events while the database refuses them and write each once when it is back', async () => {
    const written: AuditDoc[] = [];
    let refusals = 2;
    const writer = new AuditWriter(async (docs) => {
      if (refusals-- > 0) throw new Error('database unavailable');
      written.push(...docs);
    });
    const events = [doc(), doc()];
    events.forEach((e) => writer.add(e));
    await expect(writer.settled()).rejects.toThrow('could not be written yet');
    expect(writer.pending).toBe(2);
    expect(await writer.drain(5_000)).toBe(true);
    expect(written).toEqual(events);
    expect(writer.pending).toBe(0);
  });
});
