import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { NOTICE_CATEGORY_LABELS, type NoticeSummary } from '../../../../../shared/schemas/notices';
import { StateView } from '../../../../components/state-view';
import { usePagedQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { managesAny } from '../../../../lib/places';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { cachedMe } from '../../../../services/auth';
import { listNotices, unconfirmedFirst } from '../../../../services/notices';
import { Button } from '../../components/nut';
import '../../components/notices.scss';

type Box = 'received' | 'published';

function NoticeRow({ n, box }: { n: NoticeSummary; box: Box }) {
  const todo = box === 'received' && n.recipient && !n.confirmedAt;
  const open = () => navigateTo(withQuery(box === 'published' ? ROUTES.noticeAcks : ROUTES.notice, { id: n.id }));
  return (
    <View className={`card ntc__item${todo ? ' ntc__item--todo' : ''}`} onClick={open}>
      <View className='ntc__line'>
        {todo && <Text className='tag ntc__todo'>待确认</Text>}
        <Text className='card__title'>
          【{NOTICE_CATEGORY_LABELS[n.category]}】{n.title}
        </Text>
      </View>
      <Text className='card__meta'>
        {n.scopeName} · {n.publisherName} · {formatDateTime(n.publishedAt)}
        {n.version > 1 ? ` · 第 ${n.version} 版` : ''}
      </Text>
      <Text className='card__meta'>
        {box === 'published'
          ? `已确认 ${n.confirmedCount}/${n.recipientCount} · 查看确认情况 ›`
          : n.confirmedAt
            ? `已确认 ${formatDateTime(n.confirmedAt)}`
            : '请阅读后确认'}
      </Text>
    </View>
  );
}

/** Notices to me, unconfirmed first; a publisher also sees the ones they sent with how many confirmed. */
export function NoticeListPage() {
  const [box, setBox] = useState<Box>('received');
  const [pending, setPending] = useState<number | null>(null);
  // coop admins and supervisors publish (the server checks the scope again); read once the session exists
  const [canPublish, setCanPublish] = useState(false);
  const list = usePagedQuery(
    async (page) => {
      const res = await listNotices({ box, page });
      setCanPublish(managesAny(cachedMe()));
      if (box === 'received' && page === 1) setPending((await listNotices({ box, unconfirmed: true, pageSize: 1 })).total);
      return res;
    },
    [box],
    { refetchOnShow: true },
  );
  const items = box === 'received' ? unconfirmedFirst(list.data ?? []) : (list.data ?? []);

  return (
    <View className='page ntc'>
      <View className='ntc__bar'>
        <Text className='ntc__count'>{box === 'received' && pending !== null ? (pending > 0 ? `${pending} 条待确认` : '全部已确认') : ''}</Text>
        <View className='ntc__tabs'>
          <Text className={`ntc__tab${box === 'received' ? ' ntc__tab--on' : ''}`} onClick={() => setBox('received')}>
            收到的
          </Text>
          <Text className={`ntc__tab${box === 'published' ? ' ntc__tab--on' : ''}`} onClick={() => setBox('published')}>
            我发布的
          </Text>
        </View>
      </View>
      {canPublish && (
        <View className='block-btn ntc__new'>
          <Button className='ntc__publish-new' type='primary' block onClick={() => navigateTo(ROUTES.noticeEdit)}>
            发布通知
          </Button>
        </View>
      )}
      <StateView query={list} empty={items.length === 0} emptyText={box === 'received' ? '还没有收到通知。' : '您没有发布过通知。'}>
        {items.map((n) => (
          <NoticeRow key={n.id} n={n} box={box} />
        ))}
        {list.hasMore && (
          <View className='block-btn'>
            <Button block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default NoticeListPage;
