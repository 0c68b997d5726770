import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from './nut';
import './state-view.scss';

/** The part of a `useQuery` / `usePagedQuery` result StateView reads. */
export interface QueryLike {
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

export interface StateViewProps {
  /** A query from hooks/use-query: fills loading, error and retry. */
  query?: QueryLike;
  loading?: boolean;
  error?: string | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/** Loading / error / empty states in one place; renders children when none applies. */
export function StateView(props: StateViewProps) {
  const { query, empty, emptyText, children } = props;
  const loading = props.loading ?? query?.loading;
  const error = props.error ?? query?.error;
  const onRetry = props.onRetry ?? (query ? () => void query.reload() : undefined);
  if (loading) {
    return (
      <View className='state state--loading'>
        <Text>加载中…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className='state state--error'>
        <Text className='state__text'>{error}</Text>
        {onRetry && (
          <Button className='state__retry' type='primary' fill='outline' size='small' onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    );
  }
  if (empty) {
    return (
      <View className='state state--empty'>
        <Text className='state__text'>{emptyText ?? '暂无数据'}</Text>
      </View>
    );
  }
  return <>{children}</>;
}
