import type { CollectionConfig } from 'payload'

import { adminsOnly, anyone } from '@/access/contentAccess'
import { label } from '@/utilities/labels'

export const Themes: CollectionConfig<'themes'> = {
  slug: 'themes',
  access: { create: adminsOnly, delete: adminsOnly, read: anyone, update: adminsOnly },
  admin: { defaultColumns: ['name', 'description'], group: label('设置', 'Settings'), useAsTitle: 'name' },
  fields: [
    { name: 'name', type: 'text', label: label('主题名称', 'Name'), maxLength: 40, required: true, unique: true },
    { name: 'description', type: 'textarea', label: label('说明', 'Description') },
  ],
  labels: { plural: label('主题', 'Themes'), singular: label('主题', 'Theme') },
}
