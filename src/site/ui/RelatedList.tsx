/** A titled list of links to other items; nothing at all when the reader may see none of them. */
export function RelatedList({ heading, items }: { heading: string; items: Array<{ href: string; title: string; note?: string }> }) {
  if (!items.length) return null
  return (
    <section>
      <h2>{heading}</h2>
      <ul className="related">
        {items.map((item) => (
          <li key={item.href}>
            <a className="hit-title" href={item.href}>
              {item.title}
            </a>
            {item.note ? <span className="meta"> {item.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
