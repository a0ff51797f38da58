import type { ExecutionArgs, ValidationRule, ValueNode } from 'graphql'

// The CommonJS build, the instance Payload's GraphQL handler checks errors against (`instanceof`); a bare
// 'graphql' import may resolve to the package's ES build under a bundler, and its errors would not count.
import { GraphQLError, Kind } from 'graphql/index.js'

import { bilingual } from '@/utilities/labels'

import { MAX_PAGE_SIZE } from './apiRoute'

const valueOf = (node: ValueNode, variables: ExecutionArgs['variableValues']): unknown => {
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value]
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.BOOLEAN) return node.value
  return undefined
}

/**
 * The GraphQL side of the REST page cap: a list query asking for more than MAX_PAGE_SIZE documents, `limit: 0`
 * or `pagination: false` is refused before it runs.
 */
export const pageSizeRule =
  (args: ExecutionArgs): ValidationRule =>
  (context) => ({
    Argument(node) {
      const value = valueOf(node.value, args.variableValues)
      const tooMany =
        (node.name.value === 'limit' && typeof value === 'number' && (value < 1 || value > MAX_PAGE_SIZE)) ||
        (node.name.value === 'pagination' && value === false)
      if (tooMany) {
        context.reportError(
          new GraphQLError(bilingual(`每页最多 ${MAX_PAGE_SIZE} 条（limit 为 1–${MAX_PAGE_SIZE}，不能关闭分页）`, `At most ${MAX_PAGE_SIZE} documents per page (limit 1–${MAX_PAGE_SIZE}, pagination cannot be switched off)`), { nodes: [node] }),
        )
      }
    },
  })
