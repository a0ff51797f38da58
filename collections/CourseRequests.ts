import type { CollectionConfig, Field, FieldAccess } from 'payload'

import { adminsOnly } from '@/access/contentAccess'
import { ownershipFields } from '@/fields/ownership'
import { audiencesField } from '@/fields/taxonomy'
import { termField } from '@/fields/terms'
import { assignOwnership } from '@/hooks/assignOwnership'
import { checkReferencesVisible } from '@/hooks/checkReferencesVisible'
import { createCourseRequests, readCourseRequests } from '@/requests/access'
import { requestEndpoints } from '@/requests/endpoints'
import { appendHistory, checkOrder } from '@/requests/order'
import { releaseDeletedRequestSlots } from '@/requests/slots'
import { DISPATCH_STATE_TERMS, HISTORY_ACTION_TERMS, REQUEST_STATE_TERMS } from '@/requests/terms'
import { BUNDLE_ITEM_COLLECTIONS } from './Bundles'
import { label } from '@/utilities/labels'

/** Kept by the order check and the moves (src/requests), never by a client. */
const setByServer: { access: { create: FieldAccess; update: FieldAccess }; admin: { readOnly: true } } = {
  access: { create: () => false, update: () => false },
  admin: { readOnly: true },
}

const when = (name: string, zh: string, en: string): Field => ({
  name,
  type: 'date',
  admin: { date: { pickerAppearance: 'dayAndTime', timeIntervals: 15 } },
  label: label(zh, en),
  required: true,
})

export const CourseRequests: CollectionConfig<'course-requests'> = {
  slug: 'course-requests',
  // Moves go through POST /api/course-requests/:id/move, so nobody edits a request's state by hand.
  access: { create: createCourseRequests, delete: adminsOnly, read: readCourseRequests, update: () => false },
  admin: {
    defaultColumns: ['title', 'status', 'startsAt', 'jurisdiction'],
    group: label('点单派单', 'Orders'),
    useAsTitle: 'title',
  },
  endpoints: requestEndpoints,
  fields: [
    // 办理: the moves this request allows now (src/requests/admin/MovePanel).
    { name: 'moves', type: 'ui', admin: { components: { Field: '/requests/admin/MovePanel#MovePanel' } }, label: label('办理', 'Moves') },
    { name: 'title', type: 'text', ...setByServer, label: label('申请', 'Request') },
    { name: 'menu', type: 'relationship', label: label('菜单', 'Menu'), relationTo: 'bundles', required: true },
    { name: 'item', type: 'relationship', label: label('所点课程', 'Item ordered'), relationTo: [...BUNDLE_ITEM_COLLECTIONS], required: true },
    { type: 'row', fields: [when('startsAt', '开始时间', 'Starts'), when('endsAt', '结束时间', 'Ends')] },
    { name: 'fieldSite', type: 'relationship', label: label('现场教学点', 'Field site'), relationTo: 'field-sites' },
    { name: 'placeText', type: 'text', label: label('地点（无教学点时填写）', 'Place (when not a field site)'), maxLength: 200 },
    audiencesField(),
    { name: 'headcount', type: 'number', label: label('参训人数', 'Headcount'), max: 100_000, min: 1, required: true },
    { name: 'note', type: 'textarea', label: label('备注', 'Note'), maxLength: 2000 },
    termField({ label: label('状态', 'State'), name: 'status', overrides: { ...setByServer, defaultValue: 'requested', index: true }, terms: REQUEST_STATE_TERMS }),
    { name: 'dispatchedFrom', type: 'relationship', ...setByServer, index: true, label: label('派单辖区', 'Dispatched by'), relationTo: 'jurisdictions' },
    {
      name: 'dispatches',
      type: 'array',
      ...setByServer,
      fields: [
        { name: 'lecturer', type: 'relationship', label: label('讲师', 'Lecturer'), relationTo: 'lecturers', required: true },
        { name: 'lecturerUser', type: 'relationship', admin: { hidden: true }, relationTo: 'users' },
        termField({ label: label('答复', 'Answer'), name: 'status', required: true, terms: DISPATCH_STATE_TERMS }),
        { name: 'reason', type: 'text', label: label('理由', 'Reason'), maxLength: 500 },
        { name: 'dispatchedAt', type: 'date', label: label('派单时间', 'Dispatched at') },
        { name: 'answeredAt', type: 'date', label: label('答复时间', 'Answered at') },
      ],
      label: label('派单', 'Dispatches'),
    },
    { name: 'activeLecturers', type: 'relationship', ...setByServer, admin: { hidden: true }, hasMany: true, index: true, relationTo: 'lecturers' },
    { name: 'lecturerUsers', type: 'relationship', ...setByServer, admin: { hidden: true }, hasMany: true, index: true, relationTo: 'users' },
    {
      name: 'history',
      type: 'array',
      ...setByServer,
      fields: [
        termField({ label: label('操作', 'Action'), name: 'action', required: true, terms: HISTORY_ACTION_TERMS }),
        termField({ label: label('之后状态', 'State after'), name: 'state', required: true, terms: REQUEST_STATE_TERMS }),
        { name: 'by', type: 'relationship', label: label('操作人', 'By'), relationTo: 'users' },
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, label: label('时间', 'At'), required: true },
        { name: 'note', type: 'text', label: label('说明', 'Note'), maxLength: 500 },
      ],
      label: label('办理记录', 'History'),
    },
    ...ownershipFields({ visibility: false }),
  ],
  hooks: {
    beforeDelete: [releaseDeletedRequestSlots],
    beforeChange: [
      assignOwnership,
      checkReferencesVisible([
        { field: 'menu', relationTo: 'bundles' },
        { field: 'item', polymorphic: true },
        { field: 'fieldSite', relationTo: 'field-sites' },
      ]),
      checkOrder,
      appendHistory,
    ],
  },
  labels: { plural: label('课程申请', 'Course requests'), singular: label('课程申请', 'Course request') },
}
