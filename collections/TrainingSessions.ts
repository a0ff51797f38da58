import type { CollectionConfig, FieldAccess } from 'payload'

import { createOwnedContent, manageOwnedContent } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { audiencesField } from '@/fields/taxonomy'
import { termField } from '@/fields/terms'
import { assignOwnership } from '@/hooks/assignOwnership'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { readTrainingSessions } from '@/records/access'
import { removeSessionRatings } from '@/records/ratings'
import { issueCodesEndpoint, slipsEndpoint } from '@/records/endpoints'
import { deliverRequest, prepareSession } from '@/records/sessions'
import { SESSION_KINDS } from '@/records/terms'
import { label } from '@/utilities/labels'

import { BUNDLE_ITEM_COLLECTIONS } from './Bundles'

const setByServer: { access: { create: FieldAccess; update: FieldAccess } } = { access: { create: () => false, update: () => false } }

/** 培训记录: a session held, on an order or not (月训, 送学上门), with its attendance and satisfaction. */
export const TrainingSessions: CollectionConfig<'training-sessions'> = {
  slug: 'training-sessions',
  access: { create: createOwnedContent(['organizer', 'instructor']), delete: manageOwnedContent, read: readTrainingSessions, update: manageOwnedContent },
  admin: {
    defaultColumns: ['title', 'kind', 'startsAt', 'jurisdiction', 'ratingAverage'],
    group: label('点单派单', 'Orders'),
    useAsTitle: 'title',
  },
  endpoints: [issueCodesEndpoint, slipsEndpoint],
  fields: [
    // Taken from the request when left empty.
    { name: 'title', type: 'text', label: label('培训名称', 'Title'), maxLength: 200 },
    // Set from the request when there is one, else 其他 unless chosen.
    termField({ label: label('类型', 'Kind'), name: 'kind', required: true, terms: SESSION_KINDS }),
    { name: 'request', type: 'relationship', label: label('对应课程申请', 'Course request'), relationTo: 'course-requests' },
    { name: 'bundle', type: 'relationship', label: label('课程包（月训）', 'Bundle (monthly training)'), relationTo: 'bundles' },
    { name: 'item', type: 'relationship', label: label('所授课程', 'Item taught'), relationTo: [...BUNDLE_ITEM_COLLECTIONS] },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, label: label('开始时间', 'Starts') },
        { name: 'endsAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, label: label('结束时间', 'Ends') },
      ],
    },
    { name: 'fieldSite', type: 'relationship', label: label('现场教学点', 'Field site'), relationTo: 'field-sites' },
    { name: 'placeText', type: 'text', label: label('地点', 'Place'), maxLength: 200 },
    { name: 'lecturers', type: 'relationship', hasMany: true, label: label('讲师', 'Lecturers'), relationTo: 'lecturers' },
    audiencesField(),
    {
      name: 'attendance',
      type: 'group',
      fields: [
        { name: 'count', type: 'number', label: label('参训人数', 'Headcount'), max: 100_000, min: 0, required: true },
        { name: 'members', type: 'relationship', hasMany: true, label: label('参训党员（可不填）', 'Members present (where known)'), relationTo: 'users' },
      ],
      label: label('出勤', 'Attendance'),
    },
    { name: 'photos', type: 'upload', hasMany: true, label: label('照片', 'Photos'), relationTo: 'media' },
    { name: 'notes', type: 'textarea', label: label('记录', 'Notes'), maxLength: 4000 },
    { name: 'slips', type: 'ui', admin: { components: { Field: '/records/admin/RatingSlips#RatingSlips' } }, label: label('满意度评价码', 'Rating slips') },
    {
      type: 'row',
      fields: [
        { name: 'ratingCount', type: 'number', ...setByServer, admin: { readOnly: true }, label: label('评价人数', 'Ratings') },
        { name: 'ratingAverage', type: 'number', ...setByServer, admin: { readOnly: true }, label: label('平均满意度（1–5）', 'Average satisfaction (1–5)') },
      ],
    },
    { name: 'lecturerUsers', type: 'relationship', ...setByServer, admin: { hidden: true }, hasMany: true, index: true, relationTo: 'users' },
    ...ownershipFields({ visibility: false }),
  ],
  hooks: {
    afterChange: [deliverRequest],
    beforeDelete: [removeSessionRatings],
    beforeChange: [
      assignOwnership,
      checkReferencesVisible([
        { field: 'request', relationTo: 'course-requests' },
        { field: 'bundle', relationTo: 'bundles' },
        { field: 'item', polymorphic: true },
        { field: 'fieldSite', relationTo: 'field-sites' },
        { field: 'lecturers', relationTo: 'lecturers' },
        { field: 'photos', relationTo: 'media' },
      ]),
      prepareSession,
    ],
  },
  labels: { plural: label('培训记录', 'Training sessions'), singular: label('培训记录', 'Training session') },
}
