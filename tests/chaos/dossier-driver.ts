/**
 * Simulated citizens and officers driving one household-business dossier (engine/samples/) through
 * the API: submission, the receipt step, the appraisal with each outcome, the citizen's supplement
 * once the workflow has sent the request (a send task), approval and return, rejection, or the citizen's withdrawal. Every
 * mutating request carries an Idempotency-Key and is retried with it until acknowledged; what was
 * acknowledged goes into the ledger.
 */
import type { DossierEntry, Ledger, Scenario } from './ledger.js';
import type { SimulatedUser } from './users.js';

export interface DossierCast {
  citizen: SimulatedUser;
  oneStop: SimulatedUser;
  appraiser: SimulatedUser;
  leader: SimulatedUser;
}

const waitBoundMs = 300_000;
const pollMs = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The smallest PDF the upload check takes. */
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** The receipt step's form as the one-stop officer fills it. */
const receiptForm = { hoTen: 'Nguyễn Văn An', soDinhDanh: '001099000001', tenHoKinhDoanh: 'Quán Phở An', nganhNghe: 'Ăn uống', vonKinhDoanh: 50_000_000, giayDeNghi: 'giay-de-nghi' };

/** A task id as an Idempotency-Key (letters, digits, . _ : -). */
export const keyOf = (text: string) => text.replace(/[^A-Za-z0-9._:-]/g, '.');

function refused(what: string, answer: { status: number; body: unknown }): Error {
  return new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + waitBoundMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${waitBoundMs / 1000} s`);
    await sleep(pollMs);
  }
}

export class DossierDriver {
  constructor(
    private readonly procedureCode: string,
    private readonly ledger: Ledger,
  ) {}

  async drive(submissionKey: string, scenario: Scenario, cast: DossierCast): Promise<void> {
    const entry = this.ledger.open({ submissionKey, scenario, applicantEmail: `${submissionKey}@chaos.test` });
    try {
      const code = await this.submit(entry, cast.citizen);
      await this.work(entry, cast.oneStop, `${code}/Task_TiepNhan/1`, { formData: receiptForm });
      if (scenario === 'withdrawn') {
        await this.openTask(cast.appraiser, `${code}/Task_ThamDinh/1`);
        return await this.withdraw(entry, cast.citizen);
      }
      if (scenario === 'rejected') {
        // The rejection notice (Mẫu 03) is a send task: the workflow sends it, no officer does.
        return await this.work(entry, cast.appraiser, `${code}/Task_ThamDinh/1`, { outcome: 'tu-choi', formData: { lyDo: 'Ngành nghề không được phép' } });
      }
      let appraisal = 1;
      if (scenario === 'supplemented') {
        await this.work(entry, cast.appraiser, `${code}/Task_ThamDinh/1`, { outcome: 'bo-sung', formData: { giayToThieu: 'Bản sao hợp đồng thuê địa điểm', lyDoBoSung: 'Thiếu giấy tờ về địa điểm kinh doanh' } });
        await this.supplement(entry, cast.citizen);
        appraisal = 2;
      }
      await this.work(entry, cast.appraiser, `${code}/Task_ThamDinh/${appraisal}`, { outcome: 'dat', formData: {} });
      await this.work(entry, cast.leader, `${code}/Task_PheDuyet/1`, { formData: { maSoHoKinhDoanh: `HKD-${submissionKey}`, ngayCap: '2026-12-03' } });
      await this.work(entry, cast.oneStop, `${code}/Task_TraKetQua/1`, { formData: { hinhThucTra: 'truc-tuyen' } });
    } catch (error) {
      entry.failure = (error as Error).message;
    }
  }

  private async submit(entry: DossierEntry, citizen: SimulatedUser): Promise<string> {
    const form = new FormData();
    form.append(
      'data',
      JSON.stringify({
        procedureCode: this.procedureCode,
        channel: 'online',
        applicant: { name: `Công dân ${entry.submissionKey}`, idNumber: '001099000001', email: entry.applicantEmail },
        variables: { tenHoKinhDoanh: 'Quán Phở An' },
        documents: ['giayDeNghi'],
      }),
    );
    form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'giay-de-nghi.pdf');
    const answer = await citizen.call({ method: 'POST', path: '/api/dossiers', form, idempotencyKey: entry.submissionKey });
    if (answer.status !== 201) throw refused('submission', answer);
    this.ledger.acknowledge();
    return (entry.code = answer.body.dossierId as string);
  }

  private openTask(officer: SimulatedUser, taskId: string): Promise<{ assignee?: string }> {
    return until(`task ${taskId} open`, async () => {
      const answer = await officer.call({ method: 'GET', path: `/api/tasks/${encodeURIComponent(taskId)}` });
      return answer.status === 200 && ['open', 'claimed'].includes(answer.body.status) ? (answer.body as { assignee?: string }) : undefined;
    });
  }

  /** Waits for the step, claims it, completes it; a retried claim that finds the task already ours counts as acknowledged. */
  private async work(entry: DossierEntry, officer: SimulatedUser, taskId: string, completion: { outcome?: string; formData: Record<string, unknown> }): Promise<void> {
    const task = await this.openTask(officer, taskId);
    const path = `/api/tasks/${encodeURIComponent(taskId)}`;
    if (task.assignee !== officer.username) {
      const claim = await officer.call({ method: 'POST', path: `${path}/claim`, idempotencyKey: `${keyOf(taskId)}.claim` });
      if (claim.status !== 200) {
        const now = await officer.call({ method: 'GET', path });
        if (claim.attempt === 1 || now.body.assignee !== officer.username) throw refused(`claim ${taskId}`, claim);
      }
      this.ledger.acknowledge();
      entry.claimedTasks.push(taskId);
    }
    const done = await officer.call({ method: 'POST', path: `${path}/complete`, json: completion, idempotencyKey: keyOf(taskId) });
    if (done.status !== 200) throw refused(`complete ${taskId}`, done);
    this.ledger.acknowledge();
    entry.completedTasks.push(taskId);
  }

  private async supplement(entry: DossierEntry, citizen: SimulatedUser): Promise<void> {
    const path = `/api/dossiers/${encodeURIComponent(entry.code!)}`;
    await until(`${entry.code} waiting for a supplement`, async () => ((await citizen.call({ method: 'GET', path })).body.status === 'supplement-requested' ? true : undefined));
    const form = new FormData();
    form.append('data', JSON.stringify({ note: 'Bổ sung hợp đồng thuê' }));
    form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'hop-dong.pdf');
    const answer = await citizen.call({ method: 'POST', path: `${path}/supplement`, form, idempotencyKey: `${keyOf(entry.code!)}.supplement` });
    // A retry refused because the dossier no longer waits: the first attempt was taken.
    if (answer.status !== 202 && !(answer.attempt > 1 && answer.body.code === 'no-supplement-requested')) throw refused(`supplement ${entry.code}`, answer);
    this.ledger.acknowledge();
    entry.supplements += 1;
  }

  private async withdraw(entry: DossierEntry, citizen: SimulatedUser): Promise<void> {
    const answer = await citizen.call({ method: 'POST', path: `/api/dossiers/${encodeURIComponent(entry.code!)}/withdraw`, json: { reason: 'Không còn nhu cầu' }, idempotencyKey: `${keyOf(entry.code!)}.withdraw` });
    if (answer.status !== 202 && !(answer.attempt > 1 && answer.body.code === 'dossier-finished')) throw refused(`withdraw ${entry.code}`, answer);
    this.ledger.acknowledge();
    entry.withdrawals += 1;
  }
}
