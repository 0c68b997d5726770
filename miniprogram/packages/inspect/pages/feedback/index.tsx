import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { CHECK_CATEGORY_LABELS } from '../../../../../shared/schemas/checklists';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { formatDate } from '../../../../lib/time';
import { fileUrl, getFeedback } from '../../../../services/inspections';
import { PhotoStrip } from '../../components/photo-strip';
import './index.scss';

/**
 * 集中反馈会: after a mutual round, the host's own problems, the failed checks that also failed at other
 * members recently (industry-common hazards: to fix together), and the good practices worth copying.
 */
export function FeedbackPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => getFeedback(id), [id], { enabled: !!id });
  const f = query.data;
  return (
    <View className='page feedback'>
      <StateView query={query} error={id ? query.error : '缺少检查参数'}>
        {f && (
          <View>
            <View className='card'>
              <Text className='card__title'>{f.hostName} · 集中反馈</Text>
              <Text className='card__meta'>
                个性问题 {f.problems.length} 条 · 行业共性问题 {f.common.length} 项 · 优点 {f.goodPractices.length} 条（共性问题统计自 {formatDate(f.since)} 起）
              </Text>
            </View>
            <Text className='section-title'>个性问题（本企业的隐患）</Text>
            <View className='card'>
              {f.problems.length === 0 && <Text className='card__meta'>本次没有发现隐患。</Text>}
              {f.problems.map((h) => (
                <Text key={h.id} className='feedback__row'>
                  {h.level === 'major' ? '【重大】' : '【一般】'}
                  {h.description}
                  <Text className='feedback__sub'>
                    {h.workshopName ? `${h.workshopName} · ` : ''}
                    {CHECK_CATEGORY_LABELS[h.category]} · 整改期限 {formatDate(h.deadline)}
                  </Text>
                </Text>
              ))}
            </View>
            <Text className='section-title'>行业共性问题（其他成员企业近期也不合格）</Text>
            <View className='card'>
              {f.common.length === 0 && <Text className='card__meta'>没有与其他成员企业共有的问题。</Text>}
              {f.common.map((c) => (
                <Text key={c.itemCode} className='feedback__row feedback__common'>
                  {c.text}
                  <Text className='feedback__sub'>
                    {CHECK_CATEGORY_LABELS[c.category]} · 另有 {c.otherEnterprises} 家：{c.otherEnterpriseNames.join('、')}
                  </Text>
                </Text>
              ))}
            </View>
            <Text className='section-title'>优点（值得其他企业学习）</Text>
            <View className='card'>
              {f.goodPractices.length === 0 && <Text className='card__meta'>本次没有记录优点。</Text>}
              {f.goodPractices.map((g) => (
                <View key={g.clientId} className='feedback__row'>
                  <Text className='feedback__good'>{g.description}</Text>
                  {g.photoIds.length > 0 && <PhotoStrip server={g.photoIds.map((p) => `${fileUrl(p)}/thumb`)} />}
                </View>
              ))}
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default FeedbackPage;
