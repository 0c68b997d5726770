import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { DirectoryEntry } from '../../../../../shared/schemas/org';
import { StateView } from '../../../../components/state-view';
import { ROUTES, withQuery } from '../../../../routes';
import { getCooperative, listEnterprises } from '../../../../services/org';
import { messageOf, toastError } from '../../../../services/request';
import { Button, Cell, CellGroup, Empty, SearchBar, Tag } from '../../components/nut';
import { EMPTY_IMAGE } from '../../lib/empty-image';
import './index.scss';

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

  const search = (text: string) => setQuery(text.trim());
  const open = (e: DirectoryEntry) => {
    // only entries the caller may read in full carry the private fields
    if (e.creditCode !== undefined) void Taro.navigateTo({ url: withQuery(ROUTES.enterprise, { id: e.id }) });
  };

  return (
    <View className='page'>
      <SearchBar
        className='directory__search'
        value={q}
        placeholder='搜索企业名称'
        maxLength={50}
        onChange={(v) => setQ(v)}
        onSearch={search}
        onClear={() => search('')}
        right={
          <Text className='directory__search-btn' onClick={() => search(q)}>
            搜索
          </Text>
        }
      />
      <StateView
        loading={loading}
        error={error}
        onRetry={() => {
          setLoading(true);
          void load(1);
        }}
      >
        {items.length === 0 ? (
          <Empty
            className='directory__empty'
            image={EMPTY_IMAGE}
            imageSize={120}
            title={query ? `没有找到包含“${query}”的成员企业` : '暂无成员企业'}
            description={query ? '换个关键词试试，或清除搜索查看全部成员。' : '成员企业通过邀请码加入后会显示在这里。'}
          >
            {query && (
              <View className='directory__empty-action'>
                <Button type='primary' size='small' onClick={() => { setQ(''); search(''); }}>
                  清除搜索
                </Button>
              </View>
            )}
          </Empty>
        ) : (
          <View>
            <Text className='hint'>
              {query ? `找到 ${total} 家成员企业` : `共 ${total} 家成员企业`}
            </Text>
            <CellGroup className='directory__list'>
              {items.map((e) => (
                <Cell
                  key={e.id}
                  className='directory__item'
                  clickable={e.creditCode !== undefined}
                  onClick={() => open(e)}
                  title={
                    <View className='directory__name'>
                      <Text>{e.name}</Text>
                      {e.isLead && (
                        <Tag type='warning' className='directory__lead'>
                          龙头企业
                        </Tag>
                      )}
                    </View>
                  }
                  description={
                    <View>
                      <Text className='list-item__meta'>
                        {e.industry} · {e.address}
                      </Text>
                      {e.contactName && (
                        <Text className='list-item__meta'>
                          联系人 {e.contactName} {e.contactPhone ?? ''}
                        </Text>
                      )}
                    </View>
                  }
                  extra={e.creditCode !== undefined ? <Text className='directory__more'>›</Text> : undefined}
                />
              ))}
            </CellGroup>
            {hasMore && (
              <View className='block-btn'>
                <Button block loading={more} disabled={more} onClick={() => void load(page + 1)}>
                  加载更多
                </Button>
              </View>
            )}
            {!hasMore && <Text className='hint hint--center'>已显示全部</Text>}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default DirectoryPage;
