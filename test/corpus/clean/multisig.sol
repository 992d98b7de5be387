// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract MultiSig {
    address[] public owners;
    mapping(address => bool) public isOwner;
    uint256 public immutable required;
    struct Tx { address to; uint256 value; bool executed; uint256 confirmations; }
    Tx[] public txs;
    mapping(uint256 => mapping(address => bool)) public confirmed;
    error NotOwner();
    error AlreadyExecuted();
    error NotEnoughConfirmations();
    error CallFailed();
    event Submitted(uint256 indexed id);
    event Executed(uint256 indexed id);

    modifier onlyOwner() {
        if (!isOwner[msg.sender]) revert NotOwner();
        _;
    }

    constructor(address[] memory _owners, uint256 _required) {
        for (uint256 i = 0; i < _owners.length; ++i) {
            isOwner[_owners[i]] = true;
            owners.push(_owners[i]);
        }
        required = _required;
    }

    receive() external payable {}

    function submit(address to, uint256 value) external onlyOwner {
        txs.push(Tx({to: to, value: value, executed: false, confirmations: 0}));
        emit Submitted(txs.length - 1);
    }

    function confirm(uint256 id) external onlyOwner {
        if (!confirmed[id][msg.sender]) {
            confirmed[id][msg.sender] = true;
            txs[id].confirmations += 1;
        }
    }

    function execute(uint256 id) external onlyOwner {
        Tx storage t = txs[id];
        if (t.executed) revert AlreadyExecuted();
        if (t.confirmations < required) revert NotEnoughConfirmations();
        t.executed = true;
        emit Executed(id);
        (bool ok, ) = t.to.call{value: t.value}("");
        if (!ok) revert CallFailed();
    }
}
