import type { CollectionConfig } from 'payload'

import { signedIn } from '@/access/contentAccess'
import { feedUrlOf, issueFeedToken, ownFeeds, privateFeedEndpoint } from '@/calendar/feeds'
import { label } from '@/utilities/labels'

/** 日历订阅: a private .ics address per account; deleting the row revokes it. */
export const CalendarFeeds: CollectionConfig<'calendar-feeds'> = {
  slug: 'calendar-feeds',
  access: { create: signedIn, delete: ownFeeds, read: ownFeeds, update: () => false },
  admin: {
    defaultColumns: ['name', 'feedUrl', 'createdAt'],
    description: label(
      '把订阅地址填入手机或电脑日历（“添加订阅日历”），即可看到您授课的培训与已接单的课程申请。地址即凭证，不要外传；删除即撤销。',
      'Add the address to your phone or desktop calendar (“subscribe”) to see the sessions you teach and the orders you accepted. The address is the key: keep it private; delete the row to revoke it.',
    ),
    group: label('点单派单', 'Orders'),
    useAsTitle: 'name',
  },
  endpoints: [privateFeedEndpoint],
  fields: [
    { name: 'name', type: 'text', defaultValue: '我的授课日历', label: label('名称', 'Name'), maxLength: 60 },
    {
      name: 'feedUrl',
      type: 'text',
      admin: { readOnly: true },
      hooks: { afterRead: [feedUrlOf] },
      label: label('订阅地址', 'Feed address'),
      virtual: true,
    },
    { name: 'token', type: 'text', access: { create: () => false, update: () => false }, admin: { hidden: true }, index: true, required: true, unique: true },
    { name: 'user', type: 'relationship', access: { update: () => false }, admin: { readOnly: true }, index: true, label: label('账号', 'Account'), relationTo: 'users' },
  ],
  labels: { plural: label('日历订阅', 'Calendar feeds'), singular: label('日历订阅', 'Calendar feed') },
  hooks: { beforeChange: [issueFeedToken] },
}
