// Props as a parent's bind: hands them to a component: each bound prop is a getter and a setter on
// an object the spec holds, so a change the component makes lands where the spec can read it.

/** `props`, with one bound prop per key of `bound`, reading and writing `bound`. */
export function withBindings<P extends object, B extends object>(props: P, bound: B): P & B {
  for (const key of Object.keys(bound) as (keyof B)[]) {
    Object.defineProperty(props, key, {
      enumerable: true,
      configurable: true,
      get: () => bound[key],
      set: (value: B[keyof B]) => {
        bound[key] = value;
      },
    });
  }
  return props as P & B;
}
