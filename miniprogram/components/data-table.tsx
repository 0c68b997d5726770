import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './data-table.scss';

export interface Column<T> {
  key: string;
  title: string;
  /** Relative width (CSS grid fr), default 1. */
  width?: number;
  render: (row: T) => ReactNode;
}

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** Rows that cannot be opened (e.g. records the person may not read in full). */
  clickable?: (row: T) => boolean;
  className?: string;
}

/** A list laid out as a table for desk widths: same data as the phone list, one row per record. */
export function DataTable<T>({ columns, rows, rowKey, onRowClick, clickable, className }: DataTableProps<T>) {
  const template = columns.map((c) => `${c.width ?? 1}fr`).join(' ');
  return (
    <View className={`data-table ${className ?? ''}`} role='table'>
      <View className='data-table__row data-table__head' role='row' style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <Text key={c.key} className='data-table__cell data-table__th'>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.map((row) => {
        const canOpen = !!onRowClick && (clickable ? clickable(row) : true);
        return (
          <View
            key={rowKey(row)}
            className={`data-table__row${canOpen ? ' data-table__row--link' : ''}`}
            role='row'
            style={{ gridTemplateColumns: template }}
            onClick={canOpen ? () => onRowClick?.(row) : undefined}
          >
            {columns.map((c) => (
              <View key={c.key} className='data-table__cell' role='cell'>
                {c.render(row)}
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}
