import type { Field, RelationshipField, SelectField } from 'payload'

import { label } from '@/utilities/labels'

import { termField } from './terms'

import { AUDIENCES, FORMATS } from './vocabulary'

type Overrides<T> = { overrides?: Partial<T> }

export const themesField = ({ overrides }: Overrides<RelationshipField> = {}): Field =>
  ({
    name: 'themes',
    type: 'relationship',
    admin: { position: 'sidebar' },
    hasMany: true,
    label: label('主题', 'Themes'),
    relationTo: 'themes',
    ...overrides,
  }) as Field

export const audiencesField = ({ overrides }: Overrides<SelectField> = {}): Field =>
  termField({
    hasMany: true,
    label: label('培训对象', 'Audiences'),
    name: 'audiences',
    overrides: { admin: { position: 'sidebar' }, ...overrides },
    terms: AUDIENCES,
  })

export const formatsField = ({ overrides }: Overrides<SelectField> = {}): Field =>
  termField({ hasMany: true, label: label('教学方式', 'Formats'), name: 'formats', overrides, terms: FORMATS })

export const titleField = (zh = '标题', en = 'Title'): Field => ({
  name: 'title',
  type: 'text',
  label: label(zh, en),
  maxLength: 200,
  required: true,
})
