import { IntegerBounds } from "../../analysis/item-bounds";

// x + y = 2, y + z = 2, x + z = 2 with each in 0..2: every equation alone leaves each unknown
// anywhere in 0..2, but added up they pin x = y = z = 1.
export function triangle() {
  const bounds = new IntegerBounds();
  const [x, y, z] = [bounds.add(0, 2), bounds.add(0, 2), bounds.add(0, 2)] as [
    number,
    number,
    number,
  ];
  bounds.equation([x, y], [1, 1], 2);
  bounds.equation([y, z], [1, 1], 2);
  bounds.equation([x, z], [1, 1], 2);
  bounds.tighten();
  return { bounds, x, y, z, truth: Float64Array.of(1, 1, 1) };
}
