import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { motcuaModdleDescriptor } from '../../../engine/moddle/read-bpmn.js';
import { procedurePlanSchema } from '../../../engine/plan/plan-schema.js';

const samples = path.join(import.meta.dirname, '../../../engine/samples');
const read = (name: string) => readFileSync(path.join(samples, `${name}.bpmn`), 'utf8');

const expected = [
  // name, legal limit, budget on the critical path, verdict, elements the critical path runs through
  ['birth-registration', '0WD', '2WH', 'within', ['Task_TiepNhan', 'Task_GhiSo', 'Task_KyGiayKhaiSinh', 'Task_TraGiayKhaiSinh']],
  ['household-business-registration', '3WD', '3WD', 'within', ['Task_TiepNhan', 'Task_ThamDinh', 'Task_PheDuyet', 'Task_TraKetQua']],
  ['birth-residence-health-insurance', '3WD', '3WD', 'within', ['Gateway_Tach', 'Task_DangKyThuongTru', 'Gateway_Gop']],
  ['karaoke-licence-bundle', '16WD', '16WD', 'within', ['Call_DangKyHoKinhDoanh', 'Sub_AnNinhTratTu', 'Task_KiemTraAnNinh', 'Sub_GiayPhepKaraoke', 'Task_KyGiayPhep']],
  ['construction-permit', 'P20D', '3WD 4WH + P12D', 'indeterminate', ['Task_ChoYKien', 'Boundary_CoiNhuDongY', 'Task_QuyetDinh']],
] as const;

describe('sample procedures', () => {
  it.each(expected)('%s compiles cleanly with a legal limit of %s and %s on the critical path', async (name, limit, budget, verdict, through) => {
    const result = await compile(read(name));
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(procedurePlanSchema.safeParse(result.plan).success).toBe(true);
    expect(result.analysis!.soundness.verdict).toBe('sound');
    expect(result.analysis!.budget).toMatchObject({ legalLimit: limit, text: budget, verdict });
    expect(result.analysis!.budget.criticalPath).toEqual(expect.arrayContaining([...through]));
  });

  it('the karaoke bundle runs 3 + 3 + 10 = 16 working days through its three agencies in sequence', async () => {
    const { analysis } = await compile(read('karaoke-licence-bundle'));
    expect(analysis!.budget.criticalPath).toEqual([
      'Start_NopHoSoTronGoi',
      'Call_DangKyHoKinhDoanh',
      'Sub_AnNinhTratTu',
      'Start_AnNinh',
      'Task_TiepNhanAnNinh',
      'Task_KiemTraAnNinh',
      'Task_CapChungNhanAnNinh',
      'End_AnNinh',
      'Sub_GiayPhepKaraoke',
      'Start_Karaoke',
      'Task_TiepNhanKaraoke',
      'Task_ThamDinhKaraoke',
      'Task_KiemTraThucTe',
      'Task_KyGiayPhep',
      'End_Karaoke',
      'End_DaCapDu',
    ]);
    expect(analysis!.budget.total.workingMinutes).toBe(16 * 8 * 60);
  });

  it('carry the process-level legal settings', async () => {
    const { plan } = await compile(read('household-business-registration'));
    expect(plan!.procedure).toEqual({
      code: 'dang-ky-ho-kinh-doanh',
      name: 'Đăng ký thành lập hộ kinh doanh',
      agency: 'ubnd-xa',
      calendarId: 'vn-national',
      legalLimit: '3WD',
      supplementationClock: 'restart',
      legalBasis: { text: 'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp, Điều 88 (đăng ký hộ kinh doanh)', href: 'https://vbpl.vn' },
      costModel: { hourlyIncome: 35000, timesPerYear: 1, subjectsPerYear: 1200 },
      nationalCode: '2.000720',
      field: 'Thành lập và hoạt động của hộ kinh doanh',
      onlineLevel: 'full',
    });
    expect((await compile(read('birth-registration'))).plan!.procedure).toMatchObject({ legalLimit: '0WD', cutOff: '15:00' });
    expect((await compile(read('construction-permit'))).plan!.procedure).toMatchObject({ legalLimit: 'P20D', supplementationClock: 'pause' });
  });

  it('the household business registration lets the appraisal request a supplement or refuse, before approval', async () => {
    const { plan } = await compile(read('household-business-registration'));
    const appraisal = plan!.process.nodes.find((node) => node.id === 'Task_ThamDinh');
    expect(appraisal).toMatchObject({ type: 'userTask', outcomeVariable: 'ketQua', outcomes: [{ value: 'dat' }, { value: 'bo-sung' }, { value: 'tu-choi' }] });
    expect(plan!.process.nodes.find((node) => node.id === 'Task_ChoBoSung')).toMatchObject({ type: 'receiveTask', supplementation: true });
    expect(plan!.process.nodes.find((node) => node.id === 'Task_PheDuyet')).toMatchObject({ type: 'userTask', assignment: { role: 'lanh-dao' } });
  });

  it.each(expected.map(([name]) => name))('%s compiles to byte-identical plans', async (name) => {
    const [first, second] = [await compile(read(name)), await compile(read(name))];
    expect(second.canonical).toBe(first.canonical);
    expect(second.hash).toBe(first.hash);
  });
});

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Bounds, b: Bounds) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const touches = (point: { x: number; y: number }, box: Bounds) =>
  point.x >= box.x - 1 && point.x <= box.x + box.width + 1 && point.y >= box.y - 1 && point.y <= box.y + box.height + 1;

describe('sample diagrams (what bpmn-js draws)', () => {
  it.each(expected.map(([name]) => name))('%s has a shape for every element and an edge for every flow, without overlaps', async (name) => {
    const { rootElement } = await BpmnModdle({ mc: motcuaModdleDescriptor }).fromXML(read(name));
    type Element = { id: string; $type: string; flowElements?: Element[]; sourceRef?: Element; targetRef?: Element; attachedToRef?: Element };
    type DiElement = { bpmnElement: Element; bounds?: Bounds; waypoint?: Array<{ x: number; y: number }> };
    const definitions = rootElement as unknown as { rootElements: Element[]; diagrams: Array<{ plane: { planeElement: DiElement[] } }> };
    const shapes = new Map<string, DiElement>();
    for (const element of definitions.diagrams[0]!.plane.planeElement) shapes.set(element.bpmnElement.id, element);

    const visit = (container: Element) => {
      const nodes = (container.flowElements ?? []).filter((element) => element.$type !== 'bpmn:SequenceFlow');
      for (const node of nodes) {
        expect(shapes.get(node.id)?.bounds, `shape of ${node.id}`).toBeDefined();
        if (node.$type === 'bpmn:SubProcess') {
          const outer = shapes.get(node.id)!.bounds!;
          for (const child of node.flowElements!.filter((element) => element.$type !== 'bpmn:SequenceFlow')) {
            const inner = shapes.get(child.id)!.bounds!;
            expect(inner.x >= outer.x && inner.x + inner.width <= outer.x + outer.width, `${child.id} inside ${node.id}`).toBe(true);
          }
          visit(node);
        }
      }
      nodes.forEach((a, at) =>
        nodes.slice(at + 1).forEach((b) => {
          if (a.attachedToRef === b || b.attachedToRef === a) return;
          expect(overlap(shapes.get(a.id)!.bounds!, shapes.get(b.id)!.bounds!), `${a.id} overlaps ${b.id}`).toBe(false);
        }),
      );
      for (const flow of (container.flowElements ?? []).filter((element) => element.$type === 'bpmn:SequenceFlow')) {
        const waypoints = shapes.get(flow.id)?.waypoint;
        expect(waypoints?.length, `edge of ${flow.id}`).toBeGreaterThanOrEqual(2);
        expect(touches(waypoints![0]!, shapes.get(flow.sourceRef!.id)!.bounds!), `${flow.id} leaves its source`).toBe(true);
        expect(touches(waypoints![waypoints!.length - 1]!, shapes.get(flow.targetRef!.id)!.bounds!), `${flow.id} reaches its target`).toBe(true);
      }
    };
    visit(definitions.rootElements.find((element) => element.$type === 'bpmn:Process')!);
  });
});
