;; N-queens (N = 9) with lists: a partial solution is the list of queen columns, most recent
;; first.
(defn safe? [q d qs]
  (cond
    (empty? qs) true
    (= q (first qs)) false
    (= (abs (- q (first qs))) d) false
    :else (recur q (inc d) (rest qs))))

(defn place [n row qs]
  (if (= row n)
    1
    (reduce (fn [acc q]
              (if (safe? q 1 qs)
                (+ acc (place n (inc row) (conj qs q)))
                acc))
            0
            (range n))))

(defn bench [] (place 9 0 '()))

(bench.support/run bench)
