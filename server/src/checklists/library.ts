// The platform checklist library, seeded on every start (ChecklistSeeder). Legal bases are cited only
// where the clause is known to fit; items without one are good practice.
import type { AnswerType, CheckCategory } from '../../../shared/schemas/checklists';

export interface LibraryItem {
  code: string;
  section: string;
  category: CheckCategory;
  text: string;
  answerType?: AnswerType;
  unit?: string;
  /** A failure needs a photo. */
  photo?: boolean;
  weight: number;
  basis?: string;
}

export interface LibraryTemplate {
  /** Stable family id of the platform template (fits the 36-char id column). */
  familyId: string;
  name: string;
  industry: string;
  items: LibraryItem[];
}

const AQF = '《安全生产法》';

/** The general small-factory checklist (通用): every member can use it. */
const GENERAL: LibraryItem[] = [
  { code: 'GEN-DOC-01', section: '安全管理', category: 'documents', text: '建立全员安全生产责任制，主要负责人、安全管理人员职责明确并公示', weight: 3, basis: `${AQF}第二十二条` },
  { code: 'GEN-DOC-02', section: '安全管理', category: 'documents', text: '建立隐患排查治理台账，隐患整改闭环有记录', weight: 3, basis: `${AQF}第四十一条` },
  { code: 'GEN-DOC-03', section: '安全管理', category: 'documents', text: '制定生产安全事故应急预案并按规定组织演练，有演练记录', weight: 2, basis: `${AQF}第八十一条` },
  { code: 'GEN-TRN-01', section: '教育培训', category: 'training', text: '从业人员经安全生产教育和培训合格后上岗，培训档案齐全', weight: 3, basis: `${AQF}第二十八条` },
  { code: 'GEN-TRN-02', section: '教育培训', category: 'training', text: '电工、焊工、叉车司机等特种作业人员持有效证件上岗', weight: 3, photo: true, basis: `${AQF}第三十条` },
  { code: 'GEN-ELE-01', section: '用电安全', category: 'electrical', text: '配电箱（柜）箱门完好、有锁，箱前无杂物堆放，标识清楚', weight: 2, photo: true, basis: 'GB/T 13869-2017《用电安全导则》' },
  { code: 'GEN-ELE-02', section: '用电安全', category: 'electrical', text: '电气线路无私拉乱接、无破损老化，未使用花线、拖线板串接', weight: 3, photo: true, basis: 'GB/T 13869-2017《用电安全导则》' },
  { code: 'GEN-ELE-03', section: '用电安全', category: 'electrical', text: '插座回路和移动电气设备装设剩余电流动作保护器（漏电保护器）并试跳有效', weight: 3, photo: true, basis: 'GB/T 13869-2017《用电安全导则》' },
  { code: 'GEN-ELE-04', section: '用电安全', category: 'electrical', text: '电气设备金属外壳可靠接地（接零）', weight: 2, photo: true },
  { code: 'GEN-ELE-05', section: '用电安全', category: 'electrical', text: '手持电动工具绝缘良好、电源线无破损，定期检查有记录', weight: 2, basis: 'GB/T 3787-2017《手持式电动工具的管理、使用、检查和维修安全技术规程》' },
  { code: 'GEN-FIR-01', section: '消防安全', category: 'fire', text: '灭火器按场所危险等级配置，压力正常、在有效期内、取用方便', weight: 3, photo: true, basis: 'GB 50140-2005《建筑灭火器配置设计规范》' },
  { code: 'GEN-FIR-02', section: '消防安全', category: 'fire', text: '室内消火栓箱完好，水带、水枪齐全，箱前无遮挡', weight: 2, photo: true },
  { code: 'GEN-FIR-03', section: '消防安全', category: 'fire', text: '车间、仓库内无违规住人，生产、储存场所与员工宿舍不在同一建筑内', weight: 5, photo: true, basis: `${AQF}第四十二条` },
  { code: 'GEN-FIR-04', section: '消防安全', category: 'fire', text: '厂区内无违章吸烟、私用明火及电热器具', weight: 2, photo: true },
  { code: 'GEN-EXT-01', section: '疏散通道', category: 'exits', text: '安全出口、疏散通道畅通，未锁闭、封堵或占用', weight: 5, photo: true, basis: `${AQF}第四十二条；GB 50016-2014（2018年版）《建筑设计防火规范》` },
  { code: 'GEN-EXT-02', section: '疏散通道', category: 'exits', text: '应急照明和疏散指示标志完好，断电后能正常启用', weight: 3, photo: true, basis: 'GB 17945-2010《消防应急照明和疏散指示系统》' },
  { code: 'GEN-SIG-01', section: '安全标志', category: 'signage', text: '危险场所和设备设施设置明显的安全警示标志', weight: 2, photo: true, basis: `${AQF}第三十五条；GB 2894-2008《安全标志及其使用导则》` },
  { code: 'GEN-PPE-01', section: '劳动防护', category: 'ppe', text: '按岗位配发劳动防护用品并监督正确佩戴使用', weight: 2, photo: true, basis: `${AQF}第四十五条；GB 39800.1-2020《个体防护装备配备规范 第1部分：总则》` },
  { code: 'GEN-HSK-01', section: '现场管理', category: 'housekeeping', text: '物料堆放整齐稳固，堆垛高度适当，通道宽度满足通行', weight: 1, photo: true },
  { code: 'GEN-HSK-02', section: '现场管理', category: 'housekeeping', text: '登高平台、楼梯护栏完好，洞口有盖板或防护栏', weight: 2, photo: true, basis: 'GB 4053.3-2009《固定式钢梯及平台安全要求 第3部分：工业防护栏杆及钢平台》' },
  { code: 'GEN-SPE-01', section: '特种设备', category: 'special_equipment', text: '叉车、起重机械、压力容器等特种设备办理使用登记，定期检验合格且在有效期内', weight: 3, photo: true, basis: '《特种设备安全法》第三十三条、第四十条' },
  { code: 'GEN-HOT-01', section: '危险作业', category: 'hot_work', text: '动火、临时用电、吊装等危险作业办理审批，安排专人现场管理', weight: 3, basis: `${AQF}第四十三条` },
  { code: 'GEN-CSP-01', section: '有限空间', category: 'confined_space', text: '有限空间辨识建档，入口设置警示标识，作业执行"先通风、再检测、后作业"', weight: 3, photo: true, basis: '《工贸企业有限空间作业安全规定》（应急管理部令第13号）' },
];

/** Machining (机械加工): lathes, presses, grinders, cranes. */
const MACHINING: LibraryItem[] = [
  { code: 'MCH-GRD-01', section: '机械防护', category: 'machine_guarding', text: '皮带、链条、齿轮、联轴器等外露传动部位设置防护罩', weight: 4, photo: true, basis: 'GB/T 8196-2018《机械安全 防护装置 固定式和活动式防护装置的设计与制造一般要求》' },
  { code: 'MCH-GRD-02', section: '机械防护', category: 'machine_guarding', text: '冲床、剪板机等设置双手按钮、光电保护等安全装置且有效', weight: 5, photo: true },
  { code: 'MCH-GRD-03', section: '机械防护', category: 'machine_guarding', text: '砂轮机防护罩、挡屑板齐全，托架与砂轮间隙不大于 3 mm', weight: 3, photo: true },
  { code: 'MCH-GRD-04', section: '机械防护', category: 'machine_guarding', text: '设备急停按钮醒目、可达、动作有效', weight: 3, photo: true },
  { code: 'MCH-GRD-05', section: '机械防护', category: 'machine_guarding', text: '车床、钻床作业禁止戴手套，长发盘入帽内', weight: 2, photo: true },
  { code: 'MCH-GRD-06', section: '机械防护', category: 'machine_guarding', text: '设备检修、清理时执行停机断电并挂牌上锁', weight: 3 },
  { code: 'MCH-LIF-01', section: '起重作业', category: 'special_equipment', text: '行车（桥式起重机）限位器、吊钩防脱装置齐全有效', weight: 4, photo: true, basis: 'GB 6067.1-2010《起重机械安全规程 第1部分：总则》' },
  { code: 'MCH-LIF-02', section: '起重作业', category: 'special_equipment', text: '钢丝绳、吊索具无断丝、变形，按规定检查并有记录', weight: 3, photo: true },
  { code: 'MCH-LIF-03', section: '起重作业', category: 'special_equipment', text: '起重机械定期检验合格证在有效期内', weight: 3, photo: true, basis: '《特种设备安全法》第四十条' },
  { code: 'MCH-ELE-01', section: '用电安全', category: 'electrical', text: '机床电气控制柜封闭完好，工作照明使用安全电压', weight: 2, photo: true },
  { code: 'MCH-WLD-01', section: '焊接与气瓶', category: 'gas_cylinders', text: '氧气瓶、乙炔瓶分开存放，使用时间距不小于 5 m，距明火不小于 10 m', weight: 4, photo: true, basis: 'TSG 23-2021《气瓶安全技术规程》' },
  { code: 'MCH-WLD-02', section: '焊接与气瓶', category: 'gas_cylinders', text: '气瓶直立放置并有防倾倒措施，瓶帽、防震圈齐全', weight: 3, photo: true },
  { code: 'MCH-WLD-03', section: '焊接与气瓶', category: 'hot_work', text: '焊接区域清除可燃物，配备灭火器材，设置挡光屏', weight: 2, photo: true },
  { code: 'MCH-DST-01', section: '粉尘与通风', category: 'dust', text: '抛光、打磨工位设置有效除尘设施，铝镁粉尘按粉尘防爆要求管理', weight: 4, photo: true, basis: 'GB 15577-2018《粉尘防爆安全规程》；《工贸企业粉尘防爆安全规定》（应急管理部令第6号）' },
  { code: 'MCH-CHM-01', section: '油品与化学品', category: 'chemicals', text: '切削液、油漆、稀释剂等定点存放，数量不超过当班用量', weight: 2, photo: true },
  { code: 'MCH-NOI-01', section: '职业健康', category: 'ppe', text: '噪声岗位配发耳塞（耳罩），并设置职业病危害告知', weight: 2 },
  { code: 'MCH-MEA-01', section: '检测数据', category: 'electrical', text: '抽测一台设备接地电阻', answerType: 'number', unit: 'Ω', weight: 1 },
  { code: 'MCH-HSK-01', section: '现场管理', category: 'housekeeping', text: '工件、半成品摆放有序，地面无油污，划线通道清晰', weight: 1, photo: true },
  { code: 'MCH-FIR-01', section: '消防安全', category: 'fire', text: '油漆、喷涂作业区域独立设置，电气设备满足防爆要求', weight: 3, photo: true, basis: 'GB 50058-2014《爆炸危险环境电力装置设计规范》' },
  { code: 'MCH-TRN-01', section: '教育培训', category: 'training', text: '冲压、起重等岗位有安全操作规程并张贴在岗位', weight: 2, photo: true },
];

/** Food processing (食品加工): cold stores, boilers, slicers, steam. */
const FOOD: LibraryItem[] = [
  { code: 'FOD-AMN-01', section: '制冷系统', category: 'chemicals', text: '液氨制冷车间设置氨气浓度报警装置并与事故排风机联锁', weight: 5, photo: true, basis: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）' },
  { code: 'FOD-AMN-02', section: '制冷系统', category: 'chemicals', text: '包装间、分割间等人员密集场所未采用氨直接蒸发制冷', weight: 5, photo: true, basis: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）' },
  { code: 'FOD-CLD-01', section: '冷库', category: 'exits', text: '冷库门内设置应急开门装置和呼救报警装置，防止人员被困', weight: 4, photo: true },
  { code: 'FOD-CLD-02', section: '冷库', category: 'fire', text: '冷库保温材料不使用易燃聚氨酯泡沫裸露，库内电线穿管保护', weight: 3, photo: true },
  { code: 'FOD-CLD-03', section: '冷库', category: 'housekeeping', text: '冷库温度记录', answerType: 'number', unit: '℃', weight: 1 },
  { code: 'FOD-BLR-01', section: '锅炉与压力容器', category: 'special_equipment', text: '锅炉、压力容器（杀菌锅、蒸汽发生器）办理使用登记、定期检验合格', weight: 4, photo: true, basis: '《特种设备安全法》第三十三条、第四十条' },
  { code: 'FOD-BLR-02', section: '锅炉与压力容器', category: 'special_equipment', text: '安全阀、压力表定期校验并在有效期内', weight: 3, photo: true },
  { code: 'FOD-BLR-03', section: '锅炉与压力容器', category: 'training', text: '锅炉操作人员持证上岗，运行记录齐全', weight: 3, basis: `${AQF}第三十条` },
  { code: 'FOD-MCH-01', section: '加工设备', category: 'machine_guarding', text: '绞肉机、切片机、和面机等进料口设置防护装置，防止手部伸入', weight: 4, photo: true },
  { code: 'FOD-MCH-02', section: '加工设备', category: 'machine_guarding', text: '设备清洗、维修时切断电源并挂牌上锁', weight: 3 },
  { code: 'FOD-ELE-01', section: '用电安全', category: 'electrical', text: '潮湿、冲洗区域的电气设备、插座具有防水防溅保护并装设漏电保护器', weight: 4, photo: true, basis: 'GB/T 13869-2017《用电安全导则》' },
  { code: 'FOD-GAS-01', section: '燃气使用', category: 'gas_cylinders', text: '使用燃气的厨房、蒸煮间安装可燃气体报警装置并保障正常使用', weight: 4, photo: true, basis: `${AQF}第三十六条` },
  { code: 'FOD-GAS-02', section: '燃气使用', category: 'gas_cylinders', text: '液化石油气瓶不在地下室、半地下室使用，胶管无老化、长度合规', weight: 3, photo: true },
  { code: 'FOD-DST-01', section: '粉尘防爆', category: 'dust', text: '面粉、淀粉、糖粉等粉尘作业场所定期清扫积尘并有记录', weight: 4, photo: true, basis: 'GB 15577-2018《粉尘防爆安全规程》' },
  { code: 'FOD-CSP-01', section: '有限空间', category: 'confined_space', text: '污水池、发酵罐、腌制池等有限空间作业前检测氧含量和有毒气体', weight: 5, photo: true, basis: '《工贸企业有限空间作业安全规定》（应急管理部令第13号）' },
  { code: 'FOD-CSP-02', section: '有限空间', category: 'confined_space', text: '有限空间作业配备通风、检测、呼吸防护和救援装备', weight: 3, photo: true },
  { code: 'FOD-HYG-01', section: '卫生与现场', category: 'housekeeping', text: '车间地面防滑、排水通畅，无积水油污', weight: 2, photo: true, basis: 'GB 14881-2013《食品安全国家标准 食品生产通用卫生规范》' },
  { code: 'FOD-CHM-01', section: '清洗消毒剂', category: 'chemicals', text: '清洗剂、消毒剂专柜存放，标签清楚，与食品原料隔离', weight: 2, photo: true, basis: 'GB 14881-2013《食品安全国家标准 食品生产通用卫生规范》' },
  { code: 'FOD-PPE-01', section: '劳动防护', category: 'ppe', text: '冷库作业配发防寒服，高温、蒸汽岗位配发防烫手套', weight: 2 },
  { code: 'FOD-EXT-01', section: '疏散', category: 'exits', text: '生产车间安全出口不少于两个（符合规范的除外）并保持畅通', weight: 3, photo: true, basis: 'GB 50016-2014（2018年版）《建筑设计防火规范》' },
];

/** Gas and hazardous chemicals (工业气体、危险化学品), e.g. an acetylene plant. */
const GAS: LibraryItem[] = [
  { code: 'GAS-LIC-01', section: '证照与管理', category: 'documents', text: '危险化学品安全生产（经营）许可证、气瓶充装许可证在有效期内，许可范围与实际一致', weight: 5, photo: true, basis: '《危险化学品安全管理条例》' },
  { code: 'GAS-LIC-02', section: '证照与管理', category: 'documents', text: '重大危险源辨识、登记建档并落实包保责任', weight: 4, basis: `${AQF}第四十条` },
  { code: 'GAS-LIC-03', section: '证照与管理', category: 'training', text: '气瓶充装人员、危险化学品安全管理人员持证上岗', weight: 4, basis: `${AQF}第三十条` },
  { code: 'GAS-ACE-01', section: '乙炔发生与净化', category: 'chemicals', text: '电石库防潮、防水，地面高出室外地坪，不设在易积水处', weight: 4, photo: true, basis: 'GB 50031-1991《乙炔站设计规范》' },
  { code: 'GAS-ACE-02', section: '乙炔发生与净化', category: 'chemicals', text: '乙炔发生器、净化器的安全水封、阻火器液位正常、完好有效', weight: 5, photo: true },
  { code: 'GAS-ACE-03', section: '乙炔发生与净化', category: 'chemicals', text: '乙炔压缩机出口压力读数', answerType: 'number', unit: 'MPa', weight: 2 },
  { code: 'GAS-ACE-04', section: '乙炔发生与净化', category: 'electrical', text: '乙炔站房电气设备、照明为防爆型，防爆标志与区域划分一致', weight: 5, photo: true, basis: 'GB 50058-2014《爆炸危险环境电力装置设计规范》' },
  { code: 'GAS-ACE-05', section: '乙炔发生与净化', category: 'electrical', text: '设备、管道静电接地完好，接地电阻定期检测', weight: 4, photo: true, basis: 'GB 12158-2006《防止静电事故通用导则》' },
  { code: 'GAS-DET-01', section: '检测报警', category: 'chemicals', text: '可燃、有毒气体检测报警器按规定设置、定期标定，报警值设置正确', weight: 5, photo: true, basis: 'GB/T 50493-2019《石油化工可燃气体和有毒气体检测报警设计标准》' },
  { code: 'GAS-DET-02', section: '检测报警', category: 'chemicals', text: '充装间通风设施运行正常，事故排风与报警联锁', weight: 4, photo: true },
  { code: 'GAS-CYL-01', section: '气瓶充装', category: 'gas_cylinders', text: '充装前逐只检查气瓶，超期未检、报废、非本单位产权气瓶不得充装，有检查记录', weight: 5, photo: true, basis: 'TSG 23-2021《气瓶安全技术规程》' },
  { code: 'GAS-CYL-02', section: '气瓶充装', category: 'gas_cylinders', text: '溶解乙炔气瓶充装后静置，充装量和剩余压力符合标准', weight: 4, basis: 'GB 6819-2004《溶解乙炔》' },
  { code: 'GAS-CYL-03', section: '气瓶充装', category: 'gas_cylinders', text: '实瓶、空瓶分区存放并有明显标志，乙炔瓶与氧气瓶不同库存放', weight: 4, photo: true },
  { code: 'GAS-CYL-04', section: '气瓶充装', category: 'gas_cylinders', text: '气瓶追溯系统（二维码/电子标签）正常使用', weight: 2 },
  { code: 'GAS-STO-01', section: '储存', category: 'chemicals', text: '危险化学品专库存放，分类分区、限量储存，禁忌物料不混存', weight: 5, photo: true, basis: 'GB 15603-2022《危险化学品仓库储存通则》' },
  { code: 'GAS-STO-02', section: '储存', category: 'chemicals', text: '危险化学品出入库核查登记，账物相符', weight: 3 },
  { code: 'GAS-STO-03', section: '储存', category: 'signage', text: '库区、装置区设置安全警示标志和职业病危害告知卡', weight: 2, photo: true, basis: 'GB 2894-2008《安全标志及其使用导则》' },
  { code: 'GAS-FIR-01', section: '消防与防雷', category: 'fire', text: '消防水池、消防泵、消火栓系统完好，定期试运行', weight: 4, photo: true },
  { code: 'GAS-FIR-02', section: '消防与防雷', category: 'electrical', text: '防雷设施每年检测合格', weight: 3, basis: 'GB 50057-2010《建筑物防雷设计规范》' },
  { code: 'GAS-HOT-01', section: '特殊作业', category: 'hot_work', text: '动火、受限空间、盲板抽堵等特殊作业票证齐全，气体分析合格后作业', weight: 5, basis: 'GB 30871-2022《危险化学品企业特殊作业安全规范》' },
  { code: 'GAS-PPE-01', section: '个体防护', category: 'ppe', text: '配备防静电工作服、空气呼吸器等应急救援器材并定期检查', weight: 3, photo: true },
  { code: 'GAS-EMR-01', section: '应急', category: 'documents', text: '编制危险化学品事故应急预案并备案，每半年至少演练一次', weight: 3, basis: `${AQF}第八十一条` },
  { code: 'GAS-TRN-01', section: '装卸', category: 'gas_cylinders', text: '气瓶装卸轻装轻卸，不抛、滑、滚、撞，运输车辆具备危险货物运输资质', weight: 3, photo: true },
];

export const CHECKLIST_LIBRARY: LibraryTemplate[] = [
  { familyId: 'platform-general', name: '通用小微企业安全检查表', industry: '其他', items: GENERAL },
  { familyId: 'platform-machining', name: '机械加工企业安全检查表', industry: '机械加工', items: [...GENERAL.slice(0, 5), ...MACHINING] },
  { familyId: 'platform-food', name: '食品加工企业安全检查表', industry: '食品加工', items: [...GENERAL.slice(0, 5), ...FOOD] },
  { familyId: 'platform-gas', name: '工业气体（乙炔站）与危险化学品安全检查表', industry: '工业气体', items: GAS },
];
