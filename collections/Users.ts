import type { Access, CollectionConfig, Where } from 'payload'

import { ownedInSubtreeOf } from '@/access/jurisdictionScope'
import { isAdmin, isOrganizer, ROLE_LABELS, ROLES } from '@/access/roles'
import { guardRoleAndJurisdiction, manageAccounts, selfOrManagedAccounts } from '@/security/accounts'
import { checkPasswordLength, currentPasswordField, requireCurrentPassword } from '@/security/passwords'
import { isProductionRuntime } from '@/security/production'
import { guardSignIn } from '@/security/signIn'
import { label } from '@/utilities/labels'

const self = (id: number | string): Where => ({ id: { equals: id } })

/** Admins everyone, organizers the users of their subtree, everyone themself. */
const selfOrSubtree: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  if (isOrganizer(user)) return { or: [self(user.id), ownedInSubtreeOf(user)] }
  return self(user.id)
}

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: ({ req: { user } }) => isAdmin(user) || isOrganizer(user),
    delete: manageAccounts,
    read: selfOrSubtree,
    unlock: manageAccounts,
    update: selfOrManagedAccounts,
  },
  admin: {
    defaultColumns: ['name', 'email', 'role', 'jurisdiction'],
    group: label('组织', 'Organization'),
    useAsTitle: 'name',
  },
  auth: {
    // Payload's lockout: 5 wrong passwords lock an account for 10 minutes (answered like any wrong password).
    cookies: { sameSite: 'Lax', secure: isProductionRuntime(process.env) },
    lockTime: 10 * 60 * 1000,
    maxLoginAttempts: 5,
  },
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
    currentPasswordField,
  ],
  hooks: {
    beforeChange: [requireCurrentPassword, guardRoleAndJurisdiction],
    beforeOperation: [guardSignIn, checkPasswordLength],
  },
  labels: { plural: label('用户', 'Users'), singular: label('用户', 'User') },
}
