import { Text, View } from '@tarojs/components';

const SECTIONS: { title: string; body: string }[] = [
  {
    title: '我们收集哪些信息',
    body: '登录标识（微信登录凭证换取的用户标识或您的账号）、姓名、所属企业的登记信息（名称、统一社会信用代码、地址、人数、联系人和电话），以及您在检查和隐患整改中上传的记录和照片。',
  },
  {
    title: '为什么使用这些信息',
    body: '用于合作社成员之间的互查互学、隐患整改闭环和监管部门的统计。企业的联系人、电话等信息只对本企业人员、所在合作社管理员和监管人员可见。',
  },
  {
    title: '摄像头与相册',
    body: '仅在您主动扫码或拍照时使用，需先在隐私提示中同意；拒绝后仍可手动输入邀请码等方式继续使用。',
  },
  {
    title: '您的权利',
    body: '您可以随时退出登录；如需更正或删除信息，请联系所在合作社管理员或平台运营方。',
  },
];

export function PrivacyPage() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>安全互助隐私保护指引</Text>
        {SECTIONS.map((s) => (
          <View key={s.title}>
            <Text className='section-title'>{s.title}</Text>
            <Text className='card__meta'>{s.body}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export default PrivacyPage;
