// The demo district, modelled on the news report: Donggang district (东港区), Rizhao, where the 西湖镇
// cooperative grew around a dissolved-acetylene plant. Company names are made up but typical.
export interface DemoEnterprise {
  name: string;
  industry: string;
  address: string;
  headcount: number;
  contactName: string;
}

export const DEMO_PASSWORD = 'demo-pass-2026';

export const DEMO_DISTRICT = '东港区';
export const DEMO_TOWNS = ['西湖镇', '涛雒镇', '南湖镇', '三庄镇'];

export const XIHU_LEAD: DemoEnterprise = {
  name: '日照市溶解乙炔气厂',
  industry: '工业气体',
  address: '东港区西湖镇驻地工业路 8 号',
  headcount: 46,
  contactName: '焦自祥',
};

export const XIHU_MEMBERS: DemoEnterprise[] = [
  { name: '日照青亚食品有限公司', industry: '食品加工', address: '东港区西湖镇青亚路 16 号', headcount: 38, contactName: '焦淑富' },
  { name: '日照乐童玩具厂', industry: '玩具制造', address: '东港区西湖镇大屯村东', headcount: 27, contactName: '李春燕' },
  { name: '日照西湖鑫源机械加工厂', industry: '机械加工', address: '东港区西湖镇南庄村 102 号', headcount: 15, contactName: '王德山' },
  { name: '日照市恒顺木业有限公司', industry: '木材加工', address: '东港区西湖镇后山前村', headcount: 22, contactName: '刘洪波' },
  { name: '日照金穗面粉有限公司', industry: '食品加工', address: '东港区西湖镇西湖路 55 号', headcount: 31, contactName: '陈立军' },
  { name: '日照瑞丰塑料制品厂', industry: '塑料制品', address: '东港区西湖镇工业园 3 号', headcount: 19, contactName: '张玉兰' },
  { name: '日照华晟纺织有限公司', industry: '纺织服装', address: '东港区西湖镇河西村', headcount: 64, contactName: '赵明辉' },
  { name: '日照永安五金制品厂', industry: '金属制品', address: '东港区西湖镇工业园 11 号', headcount: 12, contactName: '孙学文' },
  { name: '日照东方彩印包装有限公司', industry: '印刷包装', address: '东港区西湖镇北环路 20 号', headcount: 26, contactName: '周海燕' },
  { name: '日照市西湖建材厂', industry: '建材', address: '东港区西湖镇石场村', headcount: 18, contactName: '吴建国' },
  { name: '日照鲁海水产食品有限公司', industry: '食品加工', address: '东港区西湖镇东辛庄', headcount: 42, contactName: '郑秀梅' },
  { name: '日照宏达汽修厂', industry: '其他', address: '东港区西湖镇 204 国道西侧', headcount: 9, contactName: '冯志刚' },
  { name: '日照巧手工艺品厂', industry: '玩具制造', address: '东港区西湖镇小窑村', headcount: 14, contactName: '韩晓丽' },
  { name: '日照市安达物流有限公司', industry: '仓储物流', address: '东港区西湖镇物流园 2 号', headcount: 23, contactName: '马春雷' },
  { name: '日照茶香园茶叶加工厂', industry: '食品加工', address: '东港区西湖镇茶园村', headcount: 11, contactName: '丁绿萍' },
  { name: '日照联丰农机修造厂', industry: '机械加工', address: '东港区西湖镇西崖村', headcount: 8, contactName: '许长林' },
  { name: '日照益民食用油有限公司', industry: '食品加工', address: '东港区西湖镇工业路 30 号', headcount: 17, contactName: '高凤英' },
  { name: '日照亿佳家具厂', industry: '木材加工', address: '东港区西湖镇上庄村', headcount: 20, contactName: '林国庆' },
  { name: '日照金鼎铸造有限公司', industry: '金属制品', address: '东港区西湖镇工业园 7 号', headcount: 35, contactName: '何振东' },
  { name: '日照佳美服饰加工厂', industry: '纺织服装', address: '东港区西湖镇前岭村', headcount: 29, contactName: '罗美玲' },
  { name: '日照市泰和化工经营部', industry: '危险化学品', address: '东港区西湖镇化工路 1 号', headcount: 7, contactName: '梁文涛' },
  { name: '日照绿源饲料有限公司', industry: '食品加工', address: '东港区西湖镇大坡村', headcount: 24, contactName: '宋立平' },
  { name: '日照兴旺包装材料厂', industry: '印刷包装', address: '东港区西湖镇北环路 36 号', headcount: 13, contactName: '唐小兵' },
  { name: '日照顺达钢结构有限公司', industry: '金属制品', address: '东港区西湖镇工业园 15 号', headcount: 33, contactName: '谢永刚' },
];

export const TAOLUO_LEAD: DemoEnterprise = {
  name: '日照涛雒海产品加工有限公司',
  industry: '食品加工',
  address: '东港区涛雒镇渔港路 6 号',
  headcount: 58,
  contactName: '董海涛',
};

export const TAOLUO_MEMBERS: DemoEnterprise[] = [
  { name: '日照涛雒冷链仓储有限公司', industry: '仓储物流', address: '东港区涛雒镇港区路 12 号', headcount: 21, contactName: '袁明' },
  { name: '日照海韵紫菜加工厂', industry: '食品加工', address: '东港区涛雒镇下元一村', headcount: 16, contactName: '邓丽' },
  { name: '日照涛雒渔具制造厂', industry: '塑料制品', address: '东港区涛雒镇东赵家庄', headcount: 12, contactName: '曹建华' },
  { name: '日照渔家乐食品有限公司', industry: '食品加工', address: '东港区涛雒镇滨海路 88 号', headcount: 25, contactName: '彭晓东' },
  { name: '日照涛雒船舶修造厂', industry: '机械加工', address: '东港区涛雒镇渔港东侧', headcount: 30, contactName: '蒋大海' },
  { name: '日照海之源盐业有限公司', industry: '其他', address: '东港区涛雒镇盐场路 3 号', headcount: 18, contactName: '蔡文静' },
];
