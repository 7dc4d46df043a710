;; Records as maps: 100,000 accounts, credited three times through destructuring, keyword
;; access and assoc, then totalled by kind.
(defn make [i]
  {:id i :kind (if (even? i) :checking :savings) :balance (mod (* i 37) 1000)})

(defn interest [{:keys [kind balance]}]
  (if (= kind :savings) (quot balance 20) 0))

(defn credit [acct] (assoc acct :balance (+ (:balance acct) (interest acct))))

(defn total [accts kind]
  (reduce (fn [acc a] (if (= (:kind a) kind) (+ acc (:balance a)) acc)) 0 accts))

(defn bench []
  (let [accts (->> (range 100000) (map make) (map credit) (map credit) (map credit))]
    (+ (total accts :savings) (* 2 (total accts :checking)))))

(bench.support/run bench)
