// The after-action report's handlers: gather the record, write the Word document, and record in the audit
// log that it was written (with or without its classified annex).
import { AppError } from '../../shared/errors';
import type { HandlersOf } from '../../shared/ipc/define';
import type { reportContract, ReportMade, ReportRequestSchema } from '../../shared/ipc/report.contract';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import type { SaveFilePort } from '../files/save-port';
import { slug } from '../../shared/slug';
import { gatherReport } from './gather';
import { writeReport } from './write-report';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type ReportRequest = z.output<typeof ReportRequestSchema>;

export class ReportService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly saveFile?: SaveFilePort,
  ) {}

  async make(req: ReportRequest): Promise<{ bytes: Buffer; made: ReportMade; audit: () => void }> {
    // The classified annex leaves the database only with a role that allows it (administrators).
    if (req.classified) this.ctx.require('export.classified');
    const data = gatherReport(this.ctx, req);
    const bytes = await writeReport(data, { languages: req.languages });
    const made: ReportMade = {
      fileName: `after-action-report-${slug(req.electionId, 'election')}${req.classified ? '-classified' : ''}.docx`,
      marking: data.marking,
      timeline: data.timeline.length,
      statements: data.statements.length,
    };
    const audit = () =>
      this.ctx.db.transaction(() =>
        this.ctx.record('report.written', `election:${req.electionId}`, {
          languages: req.languages,
          classified: req.classified,
          marking: data.marking,
          asOf: data.asOf,
        }),
      )();
    return { bytes, made, audit };
  }

  handlers(): HandlersOf<typeof reportContract> {
    return {
      'report:export': async (req) => {
        const { bytes, made, audit } = await this.make(req);
        audit();
        return { ...made, base64: bytes.toString('base64') };
      },
      'report:save': async (req) => {
        if (!this.saveFile) throw new AppError('unsupported', { id: 'report/saving-word-document-needs' });
        const { bytes, made, audit } = await this.make(req);
        const saved = await this.saveFile.save({ suggestedName: made.fileName, bytes, mimeType: DOCX_MIME });
        if (saved.saved || saved.download !== undefined) audit();
        return { ...made, ...saved };
      },
    };
  }
}
