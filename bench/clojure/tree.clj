;; A persistent (unbalanced) binary search tree of vectors [:node left key value right]
;; (nil is the empty tree), taken apart by destructuring: 100,000 inserts, 100,000 lookups.
(defn insert [t k v]
  (if (nil? t)
    [:node nil k v nil]
    (let [[_ l nk nv r] t]
      (cond
        (< k nk) [:node (insert l k v) nk nv r]
        (> k nk) [:node l nk nv (insert r k v)]
        :else [:node l k v r]))))

(defn lookup [t k]
  (when t
    (let [[_ l nk nv r] t]
      (cond
        (< k nk) (recur l k)
        (> k nk) (recur r k)
        :else nv))))

(defn next-seed [seed] (mod (* seed 16807) 2147483647))

(defn build [n]
  (loop [i 0 seed 1 t nil]
    (if (< i n)
      (let [s (next-seed seed)]
        (recur (inc i) s (insert t (mod s 1000000) i)))
      t)))

(defn probe [t n]
  (loop [i 0 seed 2 acc 0]
    (if (< i n)
      (let [s (next-seed seed)
            found (if-let [v (lookup t (mod s 1000000))] (inc v) 0)]
        (recur (inc i) s (+ acc found)))
      acc)))

(defn bench [] (probe (build 100000) 100000))

(bench.support/run bench)
