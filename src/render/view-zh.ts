import type { Area } from '../terms/schema.js';
import type { ResolvedTerms } from '../terms/resolve.js';
import { chineseNumber, formatDateZh, joinListZh } from '../library/helpers.js';
import { formatAmount } from './contract-view.js';
import { escapeMarkdown } from './escape.js';
import { blankToken, refToken } from './tokens.js';
import { stateLanguage, type PartyView, type View } from './view.js';
import { needsTrainingArticle } from '../plan/plan.js';

/**
 * The view of the Chinese authentic text: the English view's keys and shapes, every string in
 * Chinese. Names come from the terms' `zh` blocks; a name with no Chinese form is a blank with an
 * open point at the path of the missing form (`parties[0].zh.name`), never an English word dropped
 * into the Chinese text. Only code-like names (no lower-case Latin letters: CNSA, CBERS-6) stand as
 * they are. Official Chinese names of common States and of the languages are built in.
 */

/** Code-like names (CNSA, CBERS-6, CZ-4B) read the same in Chinese text. */
const CODE_LIKE = /^[A-Z0-9][A-Z0-9 .\-/&+]*$/;

type ZhBlock = Record<string, unknown> | undefined;

/**
 * The Chinese form of one string: the `zh` block's value, else the string itself when it is
 * code-like or already Chinese, else a blank at `<path>.zh.<key>`. `undefined` in English stays
 * undefined (the English view decides whether that is a blank).
 */
export function zhForm(block: ZhBlock, key: string, en: string | undefined, path: string, blankPath = `${path}.zh.${key}`): string {
  const v = block?.[key];
  if (typeof v === 'string' && v.trim()) return escapeMarkdown(v.trim());
  if (en === undefined) return blankToken(blankPath);
  if (CODE_LIKE.test(en.trim()) || /^[\p{Script=Han}\p{P}\s\d]+$/u.test(en)) return escapeMarkdown(en.trim());
  return blankToken(blankPath);
}

/** Official Chinese short-form names of States the terms often name (the long forms for treaty titles). */
export const STATE_NAMES_ZH: [RegExp, string][] = [
  [/^(the )?People's Republic of China$|^China$/i, '中华人民共和国'],
  [/^(the )?Federative Republic of Brazil$|^Brazil$/i, '巴西联邦共和国'],
  [/^(the )?Argentine Republic$|^Argentina$/i, '阿根廷共和国'],
  [/^(the )?Islamic Republic of Pakistan$|^Pakistan$/i, '巴基斯坦伊斯兰共和国'],
  [/^(the )?Republic of India$|^India$/i, '印度共和国'],
  [/^(the )?Republic of Kenya$|^Kenya$/i, '肯尼亚共和国'],
  [/^(the )?Russian Federation$|^Russia$/i, '俄罗斯联邦'],
  [/^(the )?French Republic$|^France$/i, '法兰西共和国'],
  [/^(the )?Federal Republic of Germany$|^Germany$/i, '德意志联邦共和国'],
  [/^(the )?Italian Republic$|^Italy$/i, '意大利共和国'],
  [/^(the )?United States( of America)?$/i, '美利坚合众国'],
  [/^(the )?United Kingdom( of Great Britain and Northern Ireland)?$/i, '大不列颠及北爱尔兰联合王国'],
  [/^Japan$/i, '日本国'],
  [/^(the )?Republic of Korea$/i, '大韩民国'],
  [/^(the )?Republic of Indonesia$|^Indonesia$/i, '印度尼西亚共和国'],
  [/^(the )?Kingdom of Thailand$|^Thailand$/i, '泰王国'],
  [/^(the )?Socialist Republic of Viet ?Nam$|^Viet ?Nam$/i, '越南社会主义共和国'],
  [/^(the )?Republic of T[uü]rkiye$|^T[uü]rkiye$|^Turkey$/i, '土耳其共和国'],
  [/^(the )?Islamic Republic of Iran$|^Iran$/i, '伊朗伊斯兰共和国'],
  [/^(the )?Arab Republic of Egypt$|^Egypt$/i, '阿拉伯埃及共和国'],
  [/^(the )?Kingdom of Saudi Arabia$|^Saudi Arabia$/i, '沙特阿拉伯王国'],
  [/^(the )?United Arab Emirates$/i, '阿拉伯联合酋长国'],
  [/^(the )?People's Democratic Republic of Algeria$|^Algeria$/i, '阿尔及利亚民主人民共和国'],
  [/^(the )?Federal Republic of Nigeria$|^Nigeria$/i, '尼日利亚联邦共和国'],
  [/^(the )?Republic of South Africa$|^South Africa$/i, '南非共和国'],
  [/^(the )?Bolivarian Republic of Venezuela$|^Venezuela$/i, '委内瑞拉玻利瓦尔共和国'],
  [/^(the )?Plurinational State of Bolivia$|^Bolivia$/i, '多民族玻利维亚国'],
  [/^(the )?Republic of Chile$|^Chile$/i, '智利共和国'],
  [/^(the )?Republic of Peru$|^Peru$/i, '秘鲁共和国'],
  [/^(the )?United Mexican States$|^Mexico$/i, '墨西哥合众国'],
  [/^(the )?Portuguese Republic$|^Portugal$/i, '葡萄牙共和国'],
  [/^(the )?Kingdom of Spain$|^Spain$/i, '西班牙王国'],
  [/^(the )?Republic of Kazakhstan$|^Kazakhstan$/i, '哈萨克斯坦共和国'],
  [/^Mongolia$/i, '蒙古国'],
  [/^(the )?Republic of Belarus$|^Belarus$/i, '白俄罗斯共和国'],
  [/^(the )?Republic of Serbia$|^Serbia$/i, '塞尔维亚共和国'],
  [/^(the )?Republic of Angola$|^Angola$/i, '安哥拉共和国'],
  [/^(the )?Federal Democratic Republic of Ethiopia$|^Ethiopia$/i, '埃塞俄比亚联邦民主共和国'],
  [/^(the )?Kingdom of Morocco$|^Morocco$/i, '摩洛哥王国'],
  [/^(the )?Republic of Uzbekistan$|^Uzbekistan$/i, '乌兹别克斯坦共和国'],
  [/^(the )?Lao People's Democratic Republic$|^Laos$/i, '老挝人民民主共和国'],
  [/^(the )?Kingdom of Cambodia$|^Cambodia$/i, '柬埔寨王国'],
  [/^(the )?Republic of the Union of Myanmar$|^Myanmar$/i, '缅甸联邦共和国'],
  [/^(the )?Democratic Socialist Republic of Sri Lanka$|^Sri Lanka$/i, '斯里兰卡民主社会主义共和国'],
  [/^(the )?People's Republic of Bangladesh$|^Bangladesh$/i, '孟加拉人民共和国'],
];

/** The Chinese name of a State: its `zh` form, else the built-in official name, else a blank. */
export function stateZh(block: ZhBlock, key: string, en: string | undefined, path: string): string {
  const v = block?.[key];
  if (typeof v === 'string' && v.trim()) return escapeMarkdown(v.trim());
  const known = en ? STATE_NAMES_ZH.find(([re]) => re.test(en.trim()))?.[1] : undefined;
  return known ?? blankToken(`${path}.zh.${key}`);
}

/** Language names as Chinese texts give them (中文, 英文). */
export const LANGUAGE_NAMES_ZH: Record<string, string> = {
  zh: '中文', en: '英文', pt: '葡萄牙文', es: '西班牙文', fr: '法文', ru: '俄文', ar: '阿拉伯文', ur: '乌尔都文',
  de: '德文', it: '意大利文', ja: '日文', ko: '韩文', id: '印度尼西亚文', th: '泰文', vi: '越南文', tr: '土耳其文',
  fa: '波斯文', uk: '乌克兰文', kk: '哈萨克文', mn: '蒙古文', sw: '斯瓦希里文', hi: '印地文', bn: '孟加拉文',
};
export const languageNameZh = (code: string) => LANGUAGE_NAMES_ZH[code] ?? code.toUpperCase();

export const AREA_PHRASES_ZH: Record<Area, string> = {
  'earth-observation': '对地观测',
  communications: '卫星通信',
  navigation: '卫星导航',
  'space-science': '空间科学',
  'launch-services': '发射服务',
  'in-orbit-delivery': '卫星在轨交付',
  'ground-stations': '地面站运行',
  'human-spaceflight': '载人航天',
  'lunar-exploration': '月球探测',
  'mars-exploration': '火星探测',
  'space-debris': '空间碎片监测与减缓',
  'training-and-education': '航天培训与教育',
};

/** The form's name in a title, and the noun after 本 (本协定, 本协议, 本谅解备忘录). Agencies conclude 协议, Governments 协定. */
export function formTitleZh(form: string, intergovernmental: boolean): { title: string; noun: string } {
  const agreement = intergovernmental ? '协定' : '协议';
  switch (form) {
    case 'agreement':
      return { title: `合作${agreement}`, noun: agreement };
    case 'framework-agreement':
      return { title: `框架${agreement}`, noun: agreement };
    case 'protocol':
      return { title: '议定书', noun: '议定书' };
    case 'additional-protocol':
      return { title: '补充议定书', noun: '议定书' };
    case 'implementing-arrangement':
      return { title: '实施安排', noun: '安排' };
    case 'pact':
      return { title: '合作公约', noun: '公约' };
    case 'memorandum-of-understanding':
      return { title: '合作谅解备忘录', noun: '谅解备忘录' };
    default:
      return { title: '合同', noun: '合同' };
  }
}

const RULES_ZH: Record<string, string> = {
  'pca-outer-space': '《常设仲裁法院外空活动争端仲裁任择规则》',
  uncitral: '《联合国国际贸易法委员会仲裁规则》',
  icc: '《国际商会仲裁规则》',
};
const APPOINTING_ZH: Record<string, string> = {
  'pca-outer-space': '常设仲裁法院秘书长',
  uncitral: '常设仲裁法院秘书长',
  icc: '国际商会国际仲裁院',
};

const DEAL_ZH: Record<string, string> = {
  'Satellite Procurement and In-Orbit Delivery Contract': '卫星采购及在轨交付合同',
  'Satellite Procurement and Launch Services Contract': '卫星采购及发射服务合同',
  'Satellite Procurement Contract': '卫星采购合同',
  'Launch and In-Orbit Delivery Services Agreement': '发射及在轨交付服务协议',
  'Launch Services Agreement': '发射服务协议',
  'Ground Segment Supply Contract': '地面系统供货合同',
  'Data Purchase Agreement': '数据采购协议',
  'Supply Contract': '供货合同',
};
const ROLE_ZH: Record<string, string> = { Contractor: '承包方', 'Launch Services Provider': '发射服务提供方', Supplier: '供货方' };
const TITLE_RISK_ZH: Record<string, string> = {
  'in-orbit-acceptance': '所有权和风险于在轨验收时转移',
  launch: '仅提供发射服务：客户始终保有所有权；自卫星与火箭对接、转由提供方保管时起至发射时止，风险由提供方承担，自发射起由客户承担（由其发射保险承保）',
  'ground-acceptance': '所有权和风险于地面验收时转移，即运往发射场之前',
};

const blankish = (s: string) => s.includes('\uE000');

/** Chinese names of the currencies contracts are priced in. */
const CURRENCY_ZH: Record<string, string> = { USD: '美元', EUR: '欧元', CNY: '元人民币', GBP: '英镑', JPY: '日元', CHF: '瑞士法郎', INR: '印度卢比', RUB: '卢布', BRL: '雷亚尔', HKD: '港元', SGD: '新加坡元', CAD: '加拿大元', AUD: '澳大利亚元' };

/**
 * Turns an English view into the Chinese one, in place, for the same terms. Party views are shared
 * by reference across the view (first, launcher, registration ...), so each is rewritten once.
 */
export function toChineseView(view: View, t: ResolvedTerms): View {
  const src = t.source;
  const c = src.cooperation ?? {};
  const partyOf = new Map<string, PartyView>();
  const pv = view.parties;
  for (const p of t.parties) {
    const v = pv.find((x) => x.id === p.id)!;
    partyOf.set(p.id, v);
    const path = `parties[${p.index}]`;
    const zh = (p as { zh?: Record<string, unknown> }).zh;
    const name = zhForm(zh, 'name', p.name, path);
    const short = p.shortName ? zhForm(zh, 'shortName', p.shortName, path) : undefined;
    const label = short ?? name;
    v.name = name;
    v.label = label;
    v.full = short && short !== name ? `${name}（以下简称“${short}”）` : name;
    v.Full = v.full;
    v.state = p.state === undefined ? blankToken(`${path}.state`) : stateZh(zh, 'state', p.state, path);
    const sig = zh?.signatory as Record<string, unknown> | undefined;
    // A value the English text already leaves blank (missing, or a placeholder such as "[to be confirmed]") stays that blank.
    v.signatoryName = p.signatory?.name === undefined || blankish(v.signatoryName) ? v.signatoryName : zhForm(sig, 'name', p.signatory.name, path, `${path}.zh.signatory.name`);
    v.signatoryTitle = p.signatory?.title === undefined || blankish(v.signatoryTitle) ? v.signatoryTitle : zhForm(sig, 'title', p.signatory.title, path, `${path}.zh.signatory.title`);
    const ents = (c.implementingEntities ?? []).map((e, i) => ({ e, i })).filter(({ e }) => e.party === p.id);
    v.entities = ents.map(({ e, i }) => zhForm(e.zh, 'name', e.name, `cooperation.implementingEntities[${i}]`));
    if (p.designatedBy) v.designatedBy = zhForm(zh, 'designatedBy', p.designatedBy, path);
  }
  const byId = (id: string) => partyOf.get(id)!;
  const other = (p: PartyView) => pv.find((q) => q !== p)!;
  const list = (xs: string[]) => joinListZh(xs);
  const f = formTitleZh(t.form, t.intergovernmental);

  const v = view as Record<string, any>;
  v.lang = 'zh';
  v.formTitle = f.title;
  if (view.character !== 'contract') v.Instrument = f.noun;
  v.areas = view.areas.map((a) => ({ ...a, phrase: AREA_PHRASES_ZH[a.id as Area] }));
  v.areaList = view.hasAreas ? list(v.areas.map((a: { phrase: string }) => a.phrase)) : view.areaList;
  if (c.project) {
    v.project = {
      name: zhForm(c.project.zh, 'name', c.project.name, 'cooperation.project'),
      description: c.project.description ? zhForm(c.project.zh, 'description', c.project.description, 'cooperation.project') : null,
    };
  }
  v.objectives = (c.objectives ?? []).map((o, i) => {
    const z = c.zh?.objectives?.[i];
    return z ? escapeMarkdown(z.replace(/[。；;，,\s]+$/, '')) : blankToken(`cooperation.zh.objectives[${i}]`);
  });
  const launch = c.launch;
  const lz = launch?.zh as ZhBlock;
  const siteZh = launch?.site === undefined ? blankToken('cooperation.launch.site') : zhForm(lz, 'site', launch.site, 'cooperation.launch');
  const vehicleZh = launch?.vehicle ? zhForm(lz, 'vehicle', launch.vehicle, 'cooperation.launch') : null;
  const providerZh = launch?.provider ? zhForm(lz, 'provider', launch.provider, 'cooperation.launch') : null;
  if (view.launch) Object.assign(v.launch, { site: siteZh, vehicle: vehicleZh, provider: providerZh });
  if (t.launch) {
    const l = byId(t.launch.launchingParty);
    Object.assign(v.launcher, {
      label: l.label,
      state: l.state,
      otherLabel: other(l).label,
      otherState: other(l).state,
      site: siteZh,
      vehicle: vehicleZh,
      provider: providerZh,
      siteOperator: launch?.siteOperator ? zhForm(lz, 'siteOperator', launch.siteOperator, 'cooperation.launch') : null,
    });
  }
  v.spaceObjects = t.spaceObjects.map((o, i) => ({
    ...view.spaceObjects[i]!,
    name: zhForm((c.spaceObjects ?? [])[i]?.zh, 'name', o.name, `cooperation.spaceObjects[${i}]`),
    ownerList: list(o.owners.map((p) => byId(p.id).label)),
  }));
  if (c.station && view.station) v.station = { ...view.station, name: zhForm(c.station.zh, 'name', c.station.name, 'cooperation.station') };
  v.facilities = view.facilities.map((fac, i) => {
    const raw = (c.facilities ?? [])[i];
    return {
      ...fac,
      name: zhForm(raw?.zh, 'name', raw?.name, `cooperation.facilities[${i}]`),
      hostAccess: raw?.hostAccessPercent !== undefined ? `不少于百分之${chineseNumber(raw.hostAccessPercent)}` : fac.hostAccess,
      site: raw?.site === undefined ? fac.site : zhForm(raw.zh, 'site', raw.site, `cooperation.facilities[${i}]`),
    };
  });

  // Launching States and registration.
  const launchingStateNames = t.launchingStates.map((s) =>
    s.party ? byId(s.party.id).state : s.state !== undefined ? stateZh(lz, 'siteState', s.state, 'cooperation.launch') : blankToken('cooperation.launch.siteState'),
  );
  const thirdStates = t.launchingStates.filter((s) => !s.party).map((s) => stateZh(lz, 'siteState', s.state, 'cooperation.launch'));
  Object.assign(v.registration, {
    state: view.registration.party ? view.registration.party.state : view.registration.state,
    launchingStates: launchingStateNames,
    launchingStateList: launchingStateNames.length ? list(launchingStateNames) : view.registration.launchingStateList,
    grounds: view.registration.grounds.map((g, i) => ({ ...g, state: launchingStateNames[i] ?? g.state })),
    thirdStates,
    thirdStateList: list(thirdStates),
  });

  v.entities = (c.implementingEntities ?? []).map((e, i) => ({ name: zhForm(e.zh, 'name', e.name, `cooperation.implementingEntities[${i}]`), party: byId(e.party) }));
  const lzh = src.liability?.zh as ZhBlock;
  v.liability = {
    ...view.liability,
    indemnityCap: src.liability?.indemnityCap ? zhForm(lzh, 'indemnityCap', src.liability.indemnityCap, 'liability') : null,
    shares: sharesZh(t, byId),
  };
  const az = src.disputes?.arbitration?.zh as ZhBlock;
  const arb = src.disputes?.arbitration;
  v.disputes = {
    ...view.disputes,
    rulesName: RULES_ZH[t.arbitration.rules] ?? view.disputes.rulesName,
    seat: arb?.seat ? zhForm(az, 'seat', arb.seat, 'disputes.arbitration') : view.disputes.seat,
    language: arb?.language ? zhForm(az, 'language', arb.language, 'disputes.arbitration') : languageNameZh(t.languages.includes('en') ? 'en' : t.languages[0]!),
    appointingAuthority: arb?.appointingAuthority
      ? zhForm(az, 'appointingAuthority', arb.appointingAuthority, 'disputes.arbitration')
      : (APPOINTING_ZH[t.arbitration.rules] ?? blankToken('disputes.arbitration.appointingAuthority')),
  };
  // Chinese first among the authentic texts, as Chinese instruments list them.
  const langs = [...t.languages].sort((a, b) => (a === 'zh' ? -1 : b === 'zh' ? 1 : 0)).map((code) => ({ code, name: languageNameZh(code) }));
  v.languages = langs;
  v.languageList = list(langs.map((l) => l.name));
  v.workingLanguage = languageNameZh(t.languages.includes('en') ? 'en' : t.languages[0]!);
  v.signing = {
    ...view.signing,
    place: src.signing?.place ? zhForm(src.signing.zh, 'place', src.signing.place, 'signing') : view.signing.place,
  };
  // Titles of instruments without their 《》, which the templates write.
  const parent = src.parentInstrument;
  if (parent && view.parent) {
    v.parent = {
      ...view.parent,
      title: bare(zhForm(parent.zh, 'title', parent.title, 'parentInstrument')),
      short: bare(parent.zh?.shortTitle ? escapeMarkdown(parent.zh.shortTitle) : parent.shortTitle ? zhForm(parent.zh, 'shortTitle', parent.shortTitle, 'parentInstrument') : zhShortTitle(parent.zh?.title) ?? blankToken('parentInstrument.zh.shortTitle')),
    };
  } else if (view.parent) v.parent = { ...view.parent, short: '上位文书' };
  v.prior = (src.priorInstruments ?? []).map((p, i) => ({ title: bare(zhForm(p.zh, 'title', p.title, `priorInstruments[${i}]`)), date: p.date ?? null }));
  if (view.prevailing) v.prevailing = { ...view.prevailing, name: languageNameZh(view.prevailing.code) };
  v.cooperationForms = cooperationFormsZh(t, v);
  v.responsibilities = view.responsibilities.map((r) => {
    const i = (c.responsibilities ?? []).findIndex((x) => x.party === r.party.id);
    const raw = i >= 0 ? c.responsibilities![i]! : undefined;
    const tasks = raw
      ? raw.tasks.map((_task, j) => {
          const z = raw.zh?.tasks?.[j];
          return z ? escapeMarkdown(z.replace(/[。；;，,\s]+$/, '')) : blankToken(`cooperation.responsibilities[${i}].zh.tasks[${j}]`);
        })
      : settledTasksZh(t, r.party.id, v);
    return { ...r, tasks };
  });
  const companies = pv.filter((p) => p.type === 'commercial' || p.type === 'state-enterprise');
  const hasEntities = (c.implementingEntities ?? []).length > 0;
  v.channels = {
    ...view.channels,
    first: hasEntities ? '双方执行机构' : companies.length ? '双方高级代表' : '双方代表',
    second: t.intergovernmental ? '外交途径' : companies.length ? '双方有权解决争议的高级管理人员' : '双方机构负责人',
  };
  v.objectNames = v.spaceObjects.map((o: { name: string }) => o.name);
  toChineseContract(v.contract, t, byId);
  if (view.character === 'contract') v.Instrument = v.contract.Instrument;
  return view;
}

/** 《框架协定》 -> 框架协定: a title as the terms give it, with or without its book-title marks. */
const bare = (title: string) => title.replace(/^《(.*)》$/, '$1');

/** "Framework Agreement between ..." has a short title; a Chinese title is shortened at 关于 or 的. */
function zhShortTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const m = /关于.+的(.+)$/.exec(title);
  return m ? escapeMarkdown(m[1]!.replace(/》$/, '')) : escapeMarkdown(bare(title));
}

function sharesZh(t: ResolvedTerms, byId: (id: string) => PartyView): string {
  const shares = t.source.cooperation?.costShare ?? [];
  if (shares.length === 2) {
    if (shares[0]!.percent === shares[1]!.percent) return '按同等份额（与双方分担费用的比例相同）';
    return `按双方分担费用的比例，即${joinListZh(shares.map((s) => `${byId(s.party).label}百分之${chineseNumber(s.percent)}`))}`;
  }
  const joint = t.spaceObjects.filter((o) => o.owners.length > 1);
  if (joint.length > 0 && t.funding !== 'shared') return '按同等份额（因双方共同拥有该空间物体）';
  return `按${blankToken('cooperation.costShare')}的比例`;
}

function cooperationFormsZh(t: ResolvedTerms, v: Record<string, any>): string[] {
  const out: string[] = [];
  const joint = (v.spaceObjects as { name: string; joint: boolean }[]).filter((o) => o.joint).map((o) => o.name);
  if (joint.length) out.push(`共同设计、建造、测试和运行${joinListZh(joint)}`);
  const launcher = t.launch?.launchingParty;
  const launchesForOther = launcher !== undefined && t.spaceObjects.some((o) => o.owners.some((p) => p.id !== launcher));
  if (launchesForOther || t.hasArea('launch-services', 'in-orbit-delivery')) out.push('发射服务及与发射有关的支持');
  const facilities = (v.facilities as { name: string }[]).map((f) => f.name);
  if (facilities.length) out.push(`建设和运行${joinListZh(facilities)}`);
  if (t.hasArea('human-spaceflight')) out.push('航天员的飞行、训练和保障');
  if (t.hasArea('navigation')) out.push('卫星导航信号监测及其性能信息交换');
  if (t.hasArea('space-debris')) out.push('轨道数据和近距离接近预警信息的交换');
  if (t.hasArea('earth-observation', 'space-science', 'lunar-exploration', 'mars-exploration')) out.push('科学数据的交换和联合分析，以及联合研究和联合发表成果');
  if (needsTrainingArticle(t)) out.push('培训课程、进修项目及其他教育项目');
  if (t.personnelExchange) out.push('科学家、工程师及其他专业人员的交流');
  out.push('科学技术信息和技术数据的交换');
  return out;
}

function settledTasksZh(t: ResolvedTerms, partyId: string, v: Record<string, any>): string[] {
  const tasks: string[] = [];
  const has = (topic: string) => (topic === 'facilities' ? v.facilitiesArticle : topic === 'launch' ? v.launchArticle : false);
  if (has('facilities')) {
    t.facilities.forEach((fac, i) => {
      const name = (v.facilities as { name: string }[])[i]!.name;
      if (fac.operator.id === partyId) tasks.push(`按照${refToken('facilities')}的规定，建设、运行和维护${name}`);
      if (fac.host.id === partyId) tasks.push(`按照${refToken('facilities')}的规定，提供${name}的场址并保护该设施`);
    });
  }
  if (has('launch') && t.launch?.launchingParty === partyId) {
    const names = (v.spaceObjects as { name: string }[]).map((o) => o.name);
    tasks.push(`按照${refToken('launch')}的规定，安排${names.length ? joinListZh(names) : '合作活动所涉空间物体'}的发射`);
  }
  return tasks;
}

function toChineseContract(k: Record<string, any>, t: ResolvedTerms, byId: (id: string) => PartyView): void {
  const src = t.source;
  const c = src.contract ?? {};
  const party = (cp: Record<string, any>) => {
    const p = t.parties.find((x) => x.id === cp.id)!;
    const path = `parties[${p.index}]`;
    const zh = (p as { zh?: Record<string, unknown> }).zh;
    const v = byId(p.id);
    cp.label = v.label;
    cp.full = v.full;
    cp.Full = v.full;
    cp.legalForm = p.legalForm
      ? zhForm(zh, 'legalForm', p.legalForm, path)
      : p.type === 'space-agency'
        ? `依照${v.state}法律设立的公共机构`
        : p.type === 'government'
          ? '通过其主管部门行事'
          : blankToken(`${path}.legalForm`);
    cp.registeredOffice = p.registeredOffice ? zhForm(zh, 'registeredOffice', p.registeredOffice, path) : blankToken(`${path}.registeredOffice`);
    cp.state = v.state;
    cp.stateInText = v.state;
  };
  const seen = new Set<object>();
  for (const cp of [k.supplier, k.customer, ...k.parties, ...k.stateParties, ...k.nonGovernmental]) {
    if (!seen.has(cp)) {
      seen.add(cp);
      party(cp);
    }
  }
  // Contract parties are copies per list: keep them in step by id.
  k.deal = DEAL_ZH[k.deal] ?? k.deal;
  k.Instrument = k.deal.endsWith('合同') ? '合同' : '协议';
  k.supplierRole = ROLE_ZH[k.supplierRole] ?? k.supplierRole;
  const customerP = t.parties.find((p) => p.id === k.customer.id)!;
  const objects = t.spaceObjects.map((o, i) => ({ o, i })).filter(({ o }) => o.owners.includes(customerP));
  const names = objects.map(({ o, i }) => zhForm((src.cooperation?.spaceObjects ?? [])[i]?.zh, 'name', o.name, `cooperation.spaceObjects[${i}]`));
  k.satellite = names.length ? joinListZh(names.map((n) => (/卫星$/.test(n) ? n : `${n}卫星`))) : `${blankToken('cooperation.spaceObjects')}卫星`;
  k.Satellite = k.satellite;
  const launch = src.cooperation?.launch;
  k.site = launch?.site ? zhForm(launch.zh, 'site', launch.site, 'cooperation.launch') : blankToken('cooperation.launch.site');
  k.vehicle = launch?.vehicle ? zhForm(launch.zh, 'vehicle', launch.vehicle, 'cooperation.launch') : null;
  const project = src.cooperation?.project;
  k.project = project ? zhForm(project.zh, 'name', project.name, 'cooperation.project') : null;
  // 9,800,000美元: the amount, then the currency's Chinese name (its ISO code where there is none).
  const money = (m: { amount: number; currency?: string } | undefined, path: string) => {
    if (!m) return blankToken(path);
    const code = m.currency ?? c.price?.currency;
    if (!code) return `${formatAmount(m.amount)}${blankToken('contract.price')}`;
    return CURRENCY_ZH[code] ? `${formatAmount(m.amount)}${CURRENCY_ZH[code]}` : `${code} ${formatAmount(m.amount)}`;
  };
  if (c.price?.currency) k.currency = CURRENCY_ZH[c.price.currency] ?? c.price.currency;
  k.price = money(c.price, 'contract.price');
  k.payments = (c.payments ?? []).map((p, i) => ({ milestone: zhForm(p.zh, 'milestone', p.milestone, `contract.payments[${i}]`).replace(/[。；;，,\s]+$/, ''), percent: p.percent }));
  k.governingLaw = c.governingLaw ? zhForm(c.zh, 'governingLaw', c.governingLaw, 'contract') : blankToken('contract.governingLaw');
  k.launchWindow = c.launchWindow ? `自${formatDateZh(c.launchWindow.from)}至${formatDateZh(c.launchWindow.to)}` : blankToken('contract.launchWindow');
  k.deliveryDate = c.deliveryDate ? formatDateZh(c.deliveryDate) : blankToken('contract.deliveryDate');
  k.acceptanceCriteria = c.acceptance?.criteria ? zhForm(c.acceptance.zh, 'criteria', c.acceptance.criteria, 'contract.acceptance').replace(/[。；;，,\s]+$/, '') : blankToken('contract.acceptance.criteria');
  k.titleRiskExplained = k.titleRisk ? TITLE_RISK_ZH[k.titleRisk] ?? null : null;
  k.thirdPartyInsurance = money(c.insurance?.thirdPartyAmount, 'contract.insurance.thirdPartyAmount');
  k.liabilityCap = money(c.liabilityCap, 'contract.liabilityCap');
  k.registry = {
    ...k.registry,
    party: labelFor(k.registry.party, t, byId),
    otherParty: labelFor(k.registry.otherParty, t, byId),
    state: stateFor(k.registry.party, t, byId),
    otherState: stateFor(k.registry.otherParty, t, byId),
    siteStateOther: k.registry.siteStateOther && !blankish(k.registry.siteStateOther) ? stateZh(launch?.zh as ZhBlock, 'siteState', launch?.siteState, 'cooperation.launch') : k.registry.siteStateOther,
  };
  k.signingDate = src.signing?.date ? formatDateZh(src.signing.date) : null;
}

/** The contract view names the registering party by its English label; find the party it was. */
function partyByEnglishLabel(label: string, t: ResolvedTerms) {
  return t.parties.find((p) => escapeMarkdown(p.label) === label);
}
function labelFor(label: string, t: ResolvedTerms, byId: (id: string) => PartyView): string {
  const p = partyByEnglishLabel(label, t);
  return p ? byId(p.id).label : label;
}
function stateFor(label: string, t: ResolvedTerms, byId: (id: string) => PartyView): string {
  const p = partyByEnglishLabel(label, t);
  return p ? byId(p.id).state : label;
}

/**
 * The party whose State's language is Chinese (by `stateLanguage`, or a Chinese State name in its
 * `zh` block): named first in the Chinese original (the alternat). Undefined when neither is.
 */
export function chineseParty(parties: readonly { id: string; state?: string | undefined; zh?: { state?: string | undefined } | undefined }[]): string | undefined {
  return parties.find((p) => stateLanguage(p.state) === 'zh' || /中华人民共和国|中国/.test(p.zh?.state ?? ''))?.id;
}
