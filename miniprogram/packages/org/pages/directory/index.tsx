import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { DirectoryEntry } from '../../../../../shared/schemas/org';
import { StateView } from '../../../../components/state-view';
import { ROUTES, withQuery } from '../../../../routes';
import { getCooperative, listEnterprises } from '../../../../services/org';
import { messageOf, toastError } from '../../../../services/request';

const PAGE_SIZE = 20;

export function DirectoryPage() {
  const { params } = useRouter();
  const cooperativeId = params.cooperativeId ?? '';
  const [items, setItems] = useState<DirectoryEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (nextPage: number) => {
      if (!cooperativeId) {
        setError('缺少合作社参数');
        setLoading(false);
        return;
      }
      if (nextPage === 1) setError(null);
      else setMore(true);
      try {
        const res = await listEnterprises({ cooperativeId, q: query, page: nextPage, pageSize: PAGE_SIZE });
        setItems((prev) => (nextPage === 1 ? res.items : [...prev, ...res.items]));
        setTotal(res.total);
        setPage(nextPage);
      } catch (e) {
        if (nextPage === 1) setError(messageOf(e));
        else toastError(e);
      } finally {
        setLoading(false);
        setMore(false);
        Taro.stopPullDownRefresh();
      }
    },
    [cooperativeId, query],
  );

  useEffect(() => {
    setLoading(true);
    void load(1);
  }, [load]);

  useEffect(() => {
    if (!cooperativeId) return;
    getCooperative(cooperativeId)
      .then((c) => Taro.setNavigationBarTitle({ title: `${c.name} · 成员名录` }))
      .catch(() => undefined);
  }, [cooperativeId]);

  usePullDownRefresh(() => void load(1));
  const hasMore = items.length < total;
  useReachBottom(() => {
    if (hasMore && !more) void load(page + 1);
  });

  return (
    <View className='page'>
      <View className='card directory__search'>
        <Input
          className='field__input'
          value={q}
          placeholder='搜索企业名称'
          confirmType='search'
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => setQuery(q.trim())}
        />
        <View className='card__actions'>
          <Button className='btn btn--primary' size='mini' onClick={() => setQuery(q.trim())}>
            搜索
          </Button>
          {query && (
            <Button className='btn' size='mini' onClick={() => { setQ(''); setQuery(''); }}>
              清除
            </Button>
          )}
        </View>
      </View>
      <StateView
        loading={loading}
        error={error}
        empty={items.length === 0}
        emptyText={query ? `没有找到包含“${query}”的成员企业` : '暂无成员企业'}
        onRetry={() => {
          setLoading(true);
          void load(1);
        }}
      >
        <Text className='hint'>共 {total} 家成员企业</Text>
        {items.map((e) => (
          <View
            key={e.id}
            className='list-item'
            onClick={() => e.creditCode !== undefined && Taro.navigateTo({ url: withQuery(ROUTES.enterprise, { id: e.id }) })}
          >
            <Text className='list-item__title'>
              {e.name}
              {e.isLead && <Text className='tag tag--lead'>龙头企业</Text>}
            </Text>
            <Text className='list-item__meta'>
              {e.industry} · {e.address}
            </Text>
            {e.contactName && (
              <Text className='list-item__meta'>
                联系人 {e.contactName} {e.contactPhone ?? ''}
              </Text>
            )}
          </View>
        ))}
        {hasMore && (
          <Button className='block-btn' loading={more} disabled={more} onClick={() => void load(page + 1)}>
            加载更多
          </Button>
        )}
        {!hasMore && items.length > 0 && <Text className='hint'>已显示全部</Text>}
      </StateView>
    </View>
  );
}

export default DirectoryPage;
