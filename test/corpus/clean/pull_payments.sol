// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract PullPayments {
    mapping(address => uint256) public payments;
    address public immutable owner;
    event Credited(address indexed payee, uint256 amount);
    error NotOwner();
    error NothingToWithdraw();
    error SendFailed();

    constructor() { owner = msg.sender; }

    function credit(address payee) external payable {
        if (msg.sender != owner) revert NotOwner();
        payments[payee] += msg.value;
        emit Credited(payee, msg.value);
    }

    function withdrawPayments() external {
        uint256 amount = payments[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        payments[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        if (!ok) revert SendFailed();
    }
}
