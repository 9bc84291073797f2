/**
 * Certificate policy processing (chính sách chứng thư) with the valid_policy_tree of RFC 5280 §6.1.2 (a),
 * §6.1.3 (d)–(f), §6.1.4 (a)(b) and §6.1.5 (g). The tree is bounded (`MAX_NODES`) against policy-mapping blow-up.
 */

export const ANY_POLICY = '2.5.29.32.0';
const MAX_NODES = 10_000;

interface PolicyNode {
  validPolicy: string;
  expected: Set<string>;
  parent: PolicyNode | undefined;
  children: PolicyNode[];
  depth: number;
}

/** The mutable tree used during one path validation. */
export class PolicyTree {
  private levels: PolicyNode[][];
  private count = 1;
  overflow = false;

  constructor() {
    const root: PolicyNode = { validPolicy: ANY_POLICY, expected: new Set([ANY_POLICY]), parent: undefined, children: [], depth: 0 };
    this.levels = [[root]];
  }

  get isNull(): boolean {
    return this.levels[0]!.length === 0;
  }

  setNull(): void {
    this.levels = [[]];
  }

  private add(parent: PolicyNode, validPolicy: string, expected: Set<string>): void {
    if (++this.count > MAX_NODES) {
      this.overflow = true;
      return;
    }
    const node: PolicyNode = { validPolicy, expected, parent, children: [], depth: parent.depth + 1 };
    parent.children.push(node);
    (this.levels[node.depth] ??= []).push(node);
  }

  private remove(node: PolicyNode): void {
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      const lvl = this.levels[n.depth];
      if (lvl) this.levels[n.depth] = lvl.filter((x) => x !== n);
      stack.push(...n.children);
    }
    if (node.parent) node.parent.children = node.parent.children.filter((c) => c !== node);
  }

  /** Deletes childless nodes above `depth`, bottom-up; the tree becomes NULL if the root goes. */
  prune(depth: number): void {
    for (let d = depth - 1; d >= 0; d--) {
      for (const n of [...(this.levels[d] ?? [])]) if (n.children.length === 0) this.remove(n);
    }
  }

  /** §6.1.3 (d): processes the policies of certificate `i`. */
  processCertificate(i: number, policies: string[], anyPolicyAllowed: boolean): void {
    if (this.isNull) return;
    this.levels[i] = this.levels[i] ?? [];
    const prev = this.levels[i - 1] ?? [];
    for (const p of policies) {
      if (p === ANY_POLICY) continue;
      let matched = false;
      for (const n of prev) {
        if (n.expected.has(p)) {
          this.add(n, p, new Set([p]));
          matched = true;
        }
      }
      if (!matched) for (const n of prev) if (n.validPolicy === ANY_POLICY) this.add(n, p, new Set([p]));
    }
    if (policies.includes(ANY_POLICY) && anyPolicyAllowed) {
      for (const n of prev) {
        const have = new Set(n.children.map((c) => c.validPolicy));
        for (const e of n.expected) if (!have.has(e)) this.add(n, e, new Set([e]));
      }
    }
    this.prune(i);
  }

  /** §6.1.4 (b): applies a certificate's policy mappings at depth `i`. */
  applyMappings(i: number, mappings: { issuerDomainPolicy: string; subjectDomainPolicy: string }[], mappingAllowed: boolean): void {
    if (this.isNull) return;
    const byIssuer = new Map<string, string[]>();
    for (const m of mappings) (byIssuer.get(m.issuerDomainPolicy) ?? byIssuer.set(m.issuerDomainPolicy, []).get(m.issuerDomainPolicy)!).push(m.subjectDomainPolicy);
    const level = this.levels[i] ?? [];
    if (mappingAllowed) {
      for (const [idp, sdps] of byIssuer) {
        const nodes = level.filter((n) => n.validPolicy === idp);
        if (nodes.length) for (const n of nodes) n.expected = new Set(sdps);
        else {
          const any = level.find((n) => n.validPolicy === ANY_POLICY);
          if (any?.parent) this.add(any.parent, idp, new Set(sdps));
        }
      }
    } else {
      for (const n of [...level]) if (byIssuer.has(n.validPolicy)) this.remove(n);
      this.prune(i);
    }
  }

  /** §6.1.5 (g): intersects with the user-initial-policy-set; returns the authorities-constrained policies. */
  intersect(n: number, userInitialPolicySet: string[]): string[] {
    if (this.isNull) return [];
    if (!userInitialPolicySet.includes(ANY_POLICY)) {
      const user = new Set(userInitialPolicySet);
      const all = this.levels.flat();
      const nodeSet = all.filter((x) => x.parent?.validPolicy === ANY_POLICY);
      for (const x of nodeSet) if (x.validPolicy !== ANY_POLICY && !user.has(x.validPolicy)) this.remove(x);
      const anyLeaf = (this.levels[n] ?? []).find((x) => x.validPolicy === ANY_POLICY);
      if (anyLeaf && anyLeaf.parent) {
        const present = new Set(this.levels.flat().filter((x) => x.parent?.validPolicy === ANY_POLICY).map((x) => x.validPolicy));
        for (const p of user) if (!present.has(p)) this.add(anyLeaf.parent, p, new Set([p]));
        this.remove(anyLeaf);
      }
      this.prune(n);
    }
    return [...new Set((this.levels[n] ?? []).map((x) => x.validPolicy))];
  }
}
