;; Word counts: 200,000 keywords drawn from a 32-word vocabulary by a Park-Miller generator,
;; counted in a persistent map with update.
(def vocab [:the :quick :brown :fox :jumps :over :lazy :dog :a :turtle
            :draws :lines :in :ludus :with :pattern :matching :and :immutable :values
            :lists :dicts :sets :tuples :keywords :strings :numbers :refs :loops :recur
            :fold :map])

(defn next-seed [seed] (mod (* seed 16807) 2147483647))

(defn words [n]
  (loop [k n seed 42 acc []]
    (if (zero? k)
      acc
      (let [s (next-seed seed)]
        (recur (dec k) s (conj acc (nth vocab (mod s 32))))))))

(defn count-words [ws]
  (reduce (fn [counts w] (update counts w (fnil inc 0))) {} ws))

(defn bench []
  (let [counts (count-words (words 200000))]
    (reduce (fn [acc i] (+ acc (* (inc i) (get counts (nth vocab i) 0)))) 0 (range 32))))

(bench.support/run bench)
