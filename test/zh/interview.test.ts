import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderTermsYaml, runInterview } from '../../src/interview/index.js';
import { DEFAULT, scripted, tries } from '../interview/fake.js';
import { FRESH_SCRIPTS } from '../interview/scripts.js';

/** The Chinese forms a Chinese treaty officer types for the CBERS-6 protocol. */
const CBERS_ZH = {
  zh: DEFAULT, // yes: give them now
  'parties[0].zh.name': '中国国家航天局',
  'parties[0].zh.shortName': '国家航天局',
  'parties[0].zh.signatory.title': '局长',
  'parties[1].zh.name': '巴西航天局',
  'parties[1].zh.shortName': '巴西航天局',
  'parties[1].zh.signatory.title': '局长',
  'parentInstrument.zh.title': '中华人民共和国政府和巴西联邦共和国政府关于和平利用外层空间科学技术合作的框架协定',
  'cooperation.project.zh.name': 'CBERS-6',
  'cooperation.project.zh.description': '共同设计、制造、发射和运行CBERS-6地球资源卫星，以及由两国地面站接收和分发其数据。',
  'cooperation.zh.objectives': tries('为两国提供图像；用于监测森林；平等分担费用', '为两国提供其领土的连续、全天候图像，用于监测森林、农业和水资源；平等分担卫星的工作和费用'),
  'cooperation.responsibilities[0].zh.tasks': '提供卫星平台和合成孔径雷达，并对卫星进行总装和测试；采购卫星的发射服务，并运行位于中国的跟踪、遥测和指令站',
  'cooperation.responsibilities[1].zh.tasks': '提供光学相机和数据传输分系统; 运行位于巴西的跟踪、遥测和指令站以及数据接收站',
  'cooperation.spaceObjects[0].zh.name': 'CBERS-6卫星',
  'cooperation.implementingEntities[0].zh.name': '中国空间技术研究院',
  'cooperation.implementingEntities[1].zh.name': '', // not known yet: a blank in the Chinese text
  'cooperation.launch.zh.site': '太原卫星发射中心',
  'cooperation.launch.zh.vehicle': '长征四号乙运载火箭',
  'cooperation.launch.zh.siteOperator': '太原卫星发射中心',
  'signing.zh.place': '北京',
};

describe('interview: the Chinese forms of the names', () => {
  it('when zh is an authentic language, asks for the Chinese form of each name the text uses and writes the zh blocks', async () => {
    const user = scripted({ ...FRESH_SCRIPTS['cbers.yaml']!, ...CBERS_ZH });
    const { terms } = await runInterview(user);
    expect(user.unused()).toEqual([]);
    // Three Chinese objectives for two English ones are refused, with the count.
    expect(user.rejected).toEqual([{ id: 'cooperation.zh.objectives', answer: '为两国提供图像；用于监测森林；平等分担费用', message: 'Give at most 2 objectives, one for each English one in the same order, separated by ；(you gave 3)' }]);
    const t = terms as Record<string, any>;
    expect(t.cooperation.zh.objectives).toEqual(['为两国提供其领土的连续、全天候图像，用于监测森林、农业和水资源', '平等分担卫星的工作和费用']);
    expect(t.cooperation.responsibilities.map((r: any) => [r.party, r.zh.tasks.length])).toEqual([['cnsa', 2], ['aeb', 2]]);
    expect(t.cooperation.responsibilities[1].zh.tasks[0]).toBe('提供光学相机和数据传输分系统');
    expect(user.question('cooperation.zh.objectives')?.message).toMatch(/\(1\) to provide both States[^]*\(2\) to share equally/);
    expect(t.parties[0].zh).toEqual({ name: '中国国家航天局', shortName: '国家航天局', designatedBy: '中华人民共和国政府', signatory: { title: '局长' } });
    expect(t.parties[1].zh).toEqual({ name: '巴西航天局', shortName: '巴西航天局', designatedBy: '巴西联邦共和国政府', signatory: { title: '局长' } });
    expect(user.question('parties[0].zh.designatedBy')?.message).toMatch(/Chinese name of “the Government of the People's Republic of China”, which designated the first party/);
    expect(t.parentInstrument.zh).toEqual({ title: CBERS_ZH['parentInstrument.zh.title'], shortTitle: '《框架协定》' });
    // The States the Chinese text names without help (中华人民共和国, 巴西联邦共和国) are not asked.
    expect(user.ids().filter((id) => /\.zh\.(state|siteState)$/.test(id))).toEqual([]);
    expect(t.cooperation.project.zh).toEqual({ name: 'CBERS-6', description: CBERS_ZH['cooperation.project.zh.description'] });
    expect(t.cooperation.spaceObjects[0].zh).toEqual({ name: 'CBERS-6卫星' });
    expect(t.cooperation.implementingEntities[0].zh).toEqual({ name: '中国空间技术研究院' });
    expect(t.cooperation.implementingEntities[1].zh).toBeUndefined();
    expect(t.cooperation.launch.zh).toEqual({ site: '太原卫星发射中心', vehicle: '长征四号乙运载火箭', siteOperator: '太原卫星发射中心' });
    expect(t.disputes.arbitration.zh).toEqual({ seat: '海牙', language: '英文' });
    expect(t.signing.zh).toEqual({ place: '北京' });

    // Each question shows the English it translates; none is asked for a string the terms lack.
    expect(user.question('parties[0].zh.name')?.message).toContain('“China National Space Administration”');
    expect(user.question('cooperation.launch.zh.provider')).toBeUndefined(); // no provider
    expect(user.question('parties[0].zh.signatory.name')).toBeUndefined(); // no signatory named
    expect(user.question('cooperation.spaceObjects[1].zh.name')).toBeUndefined();
    expect(user.ids().indexOf('zh')).toBeGreaterThan(user.ids().indexOf('signing.place'));

    // Written into the terms file, in each object's own zh block.
    const yaml = parseDocument(renderTermsYaml(terms)).toJS();
    expect(yaml.parties[0].zh.name).toBe('中国国家航天局');
    expect(yaml.signing.zh.place).toBe('北京');
  });

  it('asks nothing in Chinese when zh is not an authentic language', async () => {
    const user = scripted(FRESH_SCRIPTS['leo-delivery.yaml']!);
    await runInterview(user);
    expect(user.ids().filter((id) => id === 'zh' || id.includes('.zh.'))).toEqual([]);
  });

  it('asks for the Chinese text of a contract too, its legal forms and registered offices included', async () => {
    const user = scripted({ ...FRESH_SCRIPTS['leo-delivery.yaml']!, 'parties[1].registeredOffice': 'Bengaluru', languages: 'en, zh', prevailingLanguage: 'en' }, { otherwise: 'enter' });
    const { terms } = await runInterview(user);
    expect(user.ids()).toContain('parties[1].zh.legalForm');
    expect(user.ids()).toContain('parties[1].zh.registeredOffice');
    // Enter on each: nothing written, the Chinese text will show blanks and open points.
    expect(JSON.stringify(terms)).not.toContain('"zh":{');
  });

  it('no at the first question leaves the zh blocks as they are, and asks none of them', async () => {
    const user = scripted({ ...FRESH_SCRIPTS['cbers.yaml']!, zh: false });
    const { terms } = await runInterview(user);
    expect(user.ids().filter((id) => id.includes('.zh.'))).toEqual([]);
    expect(JSON.stringify(terms)).not.toContain('"zh":{');
  });

  it('going through a terms file again offers its Chinese forms; Enter keeps them, - removes one, a blank answer is refused only where it means nothing', async () => {
    const first = await runInterview(scripted({ ...FRESH_SCRIPTS['cbers.yaml']!, ...CBERS_ZH }));
    const again = scripted({ 'signing.zh.place': '-', 'parties[0].zh.shortName': tries('   ', '航天局') }, { otherwise: 'enter' });
    const { terms } = await runInterview(again, { start: structuredClone(first.terms), prefilled: true });
    expect(again.question('parties[0].zh.name')?.default).toBe('中国国家航天局');
    const t = terms as Record<string, any>;
    expect(t.parties[0].zh.name).toBe('中国国家航天局');
    expect(t.parties[0].zh.shortName).toBe('航天局');
    expect(again.rejected.map((r) => r.id)).toEqual(['parties[0].zh.shortName']);
    expect(t.signing.zh).toBeUndefined();

    // A name changed in English: its old Chinese form is not offered, and the new one is asked for.
    const renamed = scripted({ 'signing.place': 'Shanghai', 'signing.zh.place': '上海', 'parties[1].name': 'Agência Espacial Brasileira' }, { otherwise: 'enter' });
    const after = (await runInterview(renamed, { start: structuredClone(first.terms), prefilled: true })).terms as Record<string, any>;
    expect(renamed.question('signing.zh.place')?.default).toBeUndefined();
    expect(renamed.said.map((x) => x.text)).toContain('The English changed from “Beijing” to “Shanghai”: its Chinese form “北京” is not kept; give the new one (Enter leaves a blank [●]).');
    expect(after.signing.zh).toEqual({ place: '上海' });
    expect(after.parties[1].zh.name).toBeUndefined(); // Enter: a blank and an open point, not the old name
    expect(after.parties[0].zh.name).toBe('中国国家航天局'); // unchanged English: kept

    // No at the first question keeps every Chinese form the file has.
    const no = scripted({ zh: false }, { otherwise: 'enter' });
    const kept = await runInterview(no, { start: structuredClone(first.terms), prefilled: true });
    expect(kept.terms).toEqual(first.terms);
    expect(no.ids().filter((id) => id.includes('.zh.'))).toEqual([]);
  });
});

describe('spacecoop new keeps the Chinese text in step (in process, prompts scripted)', () => {
  it('a second round of answers regenerates agreement.zh.md beside the draft, keeping its hand edit; without one, it says how to write it', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { vi } = await import('vitest');
    const { runNew } = await import('../../src/cli/new.js');
    const { run, tempDir } = await import('../helpers/run.js');
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      const dir = tempDir();
      const opts = { terms: join(dir, 'agreement.yaml'), out: join(dir, 'agreement.md') };
      expect(await runNew(opts, { ...scripted(FRESH_SCRIPTS['cbers.yaml']!), interactive: true })).toBe(0);
      expect(stderr).toContain('The Chinese text: `spacecoop draft');
      expect(run(['draft', 'agreement.yaml', '--lang', 'zh'], { cwd: dir }).code).toBe(0);
      const zhFile = join(dir, 'agreement.zh.md');
      const edited = readFileSync(zhFile, 'utf8').replace(/(## 第二条\u3000[^\n]*\n\n)/, '$1双方另行确认的事项。\n\n');
      writeFileSync(zhFile, edited);
      const before = readFileSync(zhFile, 'utf8');
      expect(before).toContain('起九十日内未');
      // The second round changes the consultation period only.
      expect(await runNew(opts, { ...scripted({ ...FRESH_SCRIPTS['cbers.yaml']!, 'disputes.consultationDays': 60 }), interactive: true })).toBe(0);
      const after = readFileSync(zhFile, 'utf8');
      expect(after).toContain('双方另行确认的事项。');
      expect(after).toContain('起六十日内未');
      expect(after).not.toContain('起九十日内未');
    } finally {
      spy.mockRestore();
    }
  });
});
