import type { Access, CollectionBeforeChangeHook, CollectionConfig, Where } from 'payload'

import { isPathInSubtreeOf, ownedInSubtreeOf } from '@/access/jurisdictionScope'
import { isAdmin, isOrganizer, ROLE_LABELS, ROLES } from '@/access/roles'
import { resolveOwnerPath } from '@/hooks/assignOwnership'
import { fieldError } from '@/utilities/errors'
import { label } from '@/utilities/labels'
import { sameId } from '@/utilities/relationId'

const self = (id: number | string): Where => ({ id: { equals: id } })

/** Admins everyone, organizers the users of their subtree, everyone themself. */
const selfOrSubtree: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  if (isOrganizer(user)) return { or: [self(user.id), ownedInSubtreeOf(user)] }
  return self(user.id)
}

const manageUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  if (isOrganizer(user)) return ownedInSubtreeOf(user)
  return false
}

/**
 * Role and jurisdiction decide what a user sees, so only admins and organizers (within their subtree,
 * never granting admin) may set them; everyone else keeps what they had.
 */
const guardRoleAndJurisdiction: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const actor = req.user
  // The admin's "create first user" screen has no signed-in actor: that first account runs the library.
  if (!actor && operation === 'create' && req.url?.includes('/users/first-register')) {
    data.role = 'admin'
  }
  const editingSelf = operation === 'update' && actor && sameId(actor.id, originalDoc?.id)
  if (actor && !isAdmin(actor) && !(isOrganizer(actor) && !editingSelf)) {
    data.role = originalDoc?.role ?? 'member'
    data.jurisdiction = originalDoc?.jurisdiction
  }
  if (actor && !isAdmin(actor) && data.role === 'admin' && originalDoc?.role !== 'admin') {
    throw fieldError(req, 'users', 'role', '只有系统管理员可以授予管理员角色', 'Only administrators can grant the admin role')
  }
  data.jurisdictionPath = await resolveOwnerPath(req, 'users', data.jurisdiction ?? originalDoc?.jurisdiction)
  if (actor && isOrganizer(actor) && !isPathInSubtreeOf(data.jurisdictionPath, actor)) {
    throw fieldError(
      req,
      'users',
      'jurisdiction',
      '只能管理本辖区及下级辖区的用户',
      'You can only manage users of your own jurisdiction or below it',
    )
  }
  return data
}

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: ({ req: { user } }) => isAdmin(user) || isOrganizer(user),
    delete: manageUsers,
    read: selfOrSubtree,
    update: selfOrSubtree,
  },
  admin: {
    defaultColumns: ['name', 'email', 'role', 'jurisdiction'],
    group: label('组织', 'Organization'),
    useAsTitle: 'name',
  },
  auth: true,
  fields: [
    { name: 'name', type: 'text', label: label('姓名', 'Name'), maxLength: 60, required: true },
    {
      name: 'role',
      type: 'select',
      defaultValue: 'member',
      label: label('角色', 'Role'),
      options: ROLES.map((role) => ({ label: ROLE_LABELS[role], value: role })),
      required: true,
      saveToJWT: true,
    },
    {
      name: 'jurisdiction',
      type: 'relationship',
      label: label('所属辖区', 'Jurisdiction'),
      relationTo: 'jurisdictions',
      required: true,
      saveToJWT: true,
    },
    { name: 'jurisdictionPath', type: 'text', admin: { hidden: true }, index: true, saveToJWT: true },
  ],
  hooks: { beforeChange: [guardRoleAndJurisdiction] },
  labels: { plural: label('用户', 'Users'), singular: label('用户', 'User') },
}
