import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from './nut';
import './state-view.scss';

export interface StateViewProps {
  loading?: boolean;
  error?: string | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/** Loading / error / empty states in one place; renders children when none applies. */
export function StateView({ loading, error, empty, emptyText, onRetry, children }: StateViewProps) {
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
