import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { DirectoryEntry } from '../../../../../shared/schemas/org';
import { DataTable, type Column } from '../../../../components/data-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { usePagedQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { ROUTES, withQuery } from '../../../../routes';
import { getCooperative, listEnterprises } from '../../../../services/org';
import { Button, Cell, CellGroup, Empty, SearchBar, Tag } from '../../components/nut';
import { EMPTY_IMAGE } from '../../lib/empty-image';
import './index.scss';

const PAGE_SIZE = 20;

// only entries the caller may read in full carry the private fields
const canOpen = (e: DirectoryEntry) => e.creditCode !== undefined;

const COLUMNS: Column<DirectoryEntry>[] = [
  {
    key: 'name',
    title: '企业名称',
    width: 3,
    render: (e) => (
      <View className='directory__name'>
        <Text>{e.name}</Text>
        {e.isLead && (
          <Tag type='warning' className='directory__lead'>
            龙头企业
          </Tag>
        )}
      </View>
    ),
  },
  { key: 'industry', title: '行业', width: 1.2, render: (e) => e.industry },
  { key: 'address', title: '地址', width: 3, render: (e) => e.address },
  { key: 'contact', title: '联系人', width: 1.2, render: (e) => e.contactName ?? '—' },
  { key: 'phone', title: '联系电话', width: 1.6, render: (e) => e.contactPhone ?? '—' },
  { key: 'since', title: '加入日期', width: 1.3, render: (e) => e.memberSince.slice(0, 10) },
];

export function DirectoryPage() {
  const { params } = useRouter();
  const cooperativeId = params.cooperativeId ?? '';
  const desk = useDesk();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');

  const list = usePagedQuery((page) => listEnterprises({ cooperativeId, q: query, page, pageSize: PAGE_SIZE }), [cooperativeId, query], {
    enabled: !!cooperativeId,
  });

  useEffect(() => {
    if (!cooperativeId) return;
    getCooperative(cooperativeId)
      .then((c) => Taro.setNavigationBarTitle({ title: `${c.name} · 成员名录` }))
      .catch(() => undefined);
  }, [cooperativeId]);

  const search = (text: string) => setQuery(text.trim());
  const open = (e: DirectoryEntry) => {
    if (canOpen(e)) navigateTo(withQuery(ROUTES.enterprise, { id: e.id }));
  };
  const items = list.data ?? [];

  return (
    <View className={`page directory${desk ? ' directory--desk' : ''}`}>
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
      <StateView query={list} error={cooperativeId ? list.error : '缺少合作社参数'}>
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
                <Button
                  type='primary'
                  size='small'
                  onClick={() => {
                    setQ('');
                    search('');
                  }}
                >
                  清除搜索
                </Button>
              </View>
            )}
          </Empty>
        ) : (
          <View>
            <Text className='hint'>{query ? `找到 ${list.total} 家成员企业` : `共 ${list.total} 家成员企业`}</Text>
            {desk ? (
              <DataTable className='directory__table' columns={COLUMNS} rows={items} rowKey={(e) => e.id} onRowClick={open} clickable={canOpen} />
            ) : (
              <CellGroup className='directory__list'>
                {items.map((e) => (
                  <Cell
                    key={e.id}
                    className='directory__item'
                    clickable={canOpen(e)}
                    onClick={() => open(e)}
                    title={COLUMNS[0].render(e)}
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
                    extra={canOpen(e) ? <Text className='directory__more'>›</Text> : undefined}
                  />
                ))}
              </CellGroup>
            )}
            {list.hasMore && (
              <View className='block-btn'>
                <Button block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
                  加载更多
                </Button>
              </View>
            )}
            {!list.hasMore && <Text className='hint hint--center'>已显示全部</Text>}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default DirectoryPage;
