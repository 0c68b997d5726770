import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Notification } from '../../../../../shared/schemas/notifications';
import { StateView } from '../../../../components/state-view';
import { usePagedQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { formatDateTime } from '../../../../lib/time';
import { listNotifications, markAllRead, markRead, routeOfLink } from '../../../../services/notifications';
import { toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import './index.scss';

/** The in-app inbox: unread first; opening one marks it read and goes to the hazard or inspection it is about. */
export function InboxPage() {
  const [onlyUnread, setOnlyUnread] = useState(false);
  // read marks made on this visit show at once, before the list is fetched again
  const [readNow, setReadNow] = useState<Record<string, true>>({});
  const [unread, setUnread] = useState<number | null>(null);
  const list = usePagedQuery(
    async (page) => {
      const res = await listNotifications({ unread: onlyUnread ? true : undefined, page });
      setUnread(res.unread);
      if (page === 1) setReadNow({});
      return res;
    },
    [onlyUnread],
    { refetchOnShow: true },
  );
  const items = list.data ?? [];
  const isRead = (n: Notification) => !!n.readAt || !!readNow[n.id];

  const open = (n: Notification) => {
    if (!isRead(n)) {
      setReadNow((cur) => ({ ...cur, [n.id]: true }));
      setUnread((u) => (u === null ? u : Math.max(0, u - 1)));
      // marking read must not hold up opening the page
      void markRead(n.id).catch(() => undefined);
    }
    const route = routeOfLink(n.link);
    if (route) navigateTo(route);
  };

  const [marking, setMarking] = useState(false);
  const readAll = async () => {
    if (!unread || marking) return;
    const ok = await Taro.showModal({ title: '全部标为已读', content: `将 ${unread} 条未读消息全部标为已读？`, confirmText: '全部已读' }).catch(() => ({ confirm: false }));
    if (!ok.confirm) return;
    setMarking(true);
    try {
      const res = await markAllRead();
      // shown read at once; the reload brings the stored times
      setReadNow(Object.fromEntries(items.map((n) => [n.id, true as const])));
      setUnread(res.unread);
      await list.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setMarking(false);
    }
  };

  return (
    <View className='page inbox'>
      <View className='inbox__bar'>
        <Text className='inbox__count'>{unread === null ? '' : unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        <View className='inbox__actions'>
          {!!unread && (
            <Text className={`inbox__toggle inbox__read-all${marking ? ' inbox__toggle--busy' : ''}`} onClick={() => void readAll()}>
              {marking ? '标记中…' : '全部已读'}
            </Text>
          )}
          <Text className={`inbox__toggle${onlyUnread ? ' inbox__toggle--on' : ''}`} onClick={() => setOnlyUnread((v) => !v)}>
            只看未读
          </Text>
        </View>
      </View>
      <StateView query={list} empty={items.length === 0} emptyText={onlyUnread ? '没有未读消息。' : '还没有消息。整改提醒、验收结果和延期审批会出现在这里。'}>
        {items.map((n) => (
          <View key={n.id} className={`inbox__item${isRead(n) ? '' : ' inbox__item--unread'}`} onClick={() => open(n)}>
            <View className='inbox__line'>
              {!isRead(n) && <View className='inbox__dot' />}
              <Text className='inbox__title'>{n.title}</Text>
            </View>
            <Text className='inbox__body'>{n.body}</Text>
            <Text className='inbox__time'>
              {formatDateTime(n.createdAt)}
              {routeOfLink(n.link) ? ' · 查看 ›' : ''}
            </Text>
          </View>
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

export default InboxPage;
