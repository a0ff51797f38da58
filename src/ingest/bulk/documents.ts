import type { Field, FlattenedField, JsonObject, PayloadRequest, SanitizedCollectionConfig, ValidationFieldError } from 'payload'

import { beforeChangeTraverseFields, beforeValidateTraverseFields, ValidationError } from 'payload'
import { fieldIsVirtual } from 'payload/shared'

/** Payload skips field validation for drafts unless the collection asks for it (`versions.drafts.validate`). */
const validatesDrafts = (collection: SanitizedCollectionConfig): boolean => {
  const drafts = collection.versions && typeof collection.versions === 'object' ? collection.versions.drafts : undefined
  return Boolean(drafts && typeof drafts === 'object' && drafts.validate)
}

type Validate = (value: unknown, options: Record<string, unknown>) => Promise<string | true> | string | true
type Condition = (data: JsonObject, siblingData: JsonObject, context: Record<string, unknown>) => boolean

/**
 * Each field's own Payload validator, called as Payload's `beforeChange` calls it on create. Payload hands every
 * validator a deep merge of the (empty) original document with the data — twice per field, about a millisecond
 * per document; on create that merge is a copy of the data, so the data itself is passed. Nested rows (arrays,
 * blocks) are not part of what a bulk write stores and are refused there.
 */
async function validateFields(req: PayloadRequest, collection: SanitizedCollectionConfig, fields: FlattenedField[], data: JsonObject, siblingData: JsonObject, path: string[], errors: ValidationFieldError[]): Promise<void> {
  for (const field of fields) {
    if (fieldIsVirtual(field as Field)) continue
    const condition = (field as { admin?: { condition?: Condition } }).admin?.condition
    if (condition && !condition(data, siblingData, { operation: 'create', path: [...path, field.name], user: req.user })) continue
    const value = siblingData[field.name]
    if (field.type === 'group' || field.type === 'tab') {
      if (value && typeof value === 'object') await validateFields(req, collection, field.flattenedFields, data, value as JsonObject, [...path, field.name], errors)
      continue
    }
    const validate = (field as { validate?: Validate }).validate
    if (!validate) continue
    const result = await validate(value, {
      ...field,
      collectionSlug: collection.slug,
      data,
      event: 'submit',
      operation: 'create',
      overrideAccess: true,
      path: [...path, field.name],
      preferences: { fields: {} },
      previousValue: undefined,
      req,
      siblingData,
    })
    if (typeof result === 'string') errors.push({ message: result, path: [...path, field.name].join('.') })
  }
}

/**
 * The document Payload's create operation would store for `data`, through Payload's own field pipeline: field
 * `beforeValidate` hooks and default values, field `beforeChange` hooks (upload URL, glossary codes …), and each
 * field's validator, which fail as Payload's `ValidationError`. Collection-level hooks are the caller's business:
 * they read the database per document, which is what a bulk write is there to avoid.
 */
export async function toStoredDocument(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  incoming: JsonObject,
  { draft = false }: { draft?: boolean } = {},
): Promise<JsonObject> {
  const data: JsonObject = { ...incoming }
  const common = {
    collection,
    context: req.context,
    fields: collection.fields,
    global: null,
    operation: 'create' as const,
    overrideAccess: true,
    parentIndexPath: '',
    parentIsLocalized: false,
    parentPath: '',
    parentSchemaPath: '',
    req,
  }
  await beforeValidateTraverseFields({ ...common, data, doc: {}, siblingData: data, siblingDoc: {} })
  await beforeChangeTraverseFields({
    ...common,
    data,
    doc: {},
    docWithLocales: {},
    errors: [],
    fieldLabelPath: '',
    mergeLocaleActions: [],
    siblingData: data,
    siblingDoc: {},
    siblingDocWithLocales: {},
    skipValidation: true,
  })
  if (!draft || validatesDrafts(collection)) {
    const errors: ValidationFieldError[] = []
    await validateFields(req, collection, collection.flattenedFields, data, data, [], errors)
    if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req }, req.t)
  }
  return data
}
